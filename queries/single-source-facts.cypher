// title: Facts supported by one source only
// description: Claims that exactly one source supports: the first facts to corroborate.
//   Last, for graph use: the keys of both ends and the claim id.
// param entity (entity, default null): only claims about this entity (key, name or alias)
MATCH (c:Claim)
WHERE size(c.sources) = 1 AND ($entity IS NULL OR $entity IN [c.subject, c.object])
MATCH (c)<-[:SUPPORTS]-(e:Evidence)
MATCH (s:Entity {key: c.subject}), (o:Entity {key: c.object})
RETURN s.name AS subject, c.predicate AS relationship, o.name AS object, e.source AS source,
       e.quote AS quote, s.key AS subject_key, o.key AS object_key, c.id AS claim_id
ORDER BY subject, relationship, object
