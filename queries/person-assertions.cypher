// title: What a person asserted
// description: Every claim a named speaker is quoted as asserting, with the quote and
//   source. Last, for graph use: the keys of the claim's two ends and of the speaker, and
//   the claim id.
// param person (entity Person, required): the speaker (key, name or alias)
MATCH (p:Entity {key: $person})<-[:ASSERTED_BY]-(e:Evidence)-[:SUPPORTS]->(c:Claim)
MATCH (e)-[:CITES]->(src:Source)
MATCH (s:Entity {key: c.subject}), (o:Entity {key: c.object})
RETURN s.name AS subject, c.predicate AS relationship, c.role AS role, o.name AS object,
       e.quote AS quote, src.title AS source, coalesce(e.date, e.start) AS date,
       s.key AS subject_key, o.key AS object_key, p.key AS speaker_key, c.id AS claim_id
ORDER BY subject, object
