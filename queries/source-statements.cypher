// title: Everything one source says
// description: Every claim a source supports, as subject, relationship and object, with the
//   quote, the named speaker and the date it gives. Last, for graph use: the keys of both
//   ends and the claim id.
// param source (string, required): the source key (source:...)
MATCH (src:Source {key: $source})<-[:CITES]-(e:Evidence)-[:SUPPORTS]->(c:Claim)
MATCH (s:Entity {key: c.subject}), (o:Entity {key: c.object})
OPTIONAL MATCH (e)-[:ASSERTED_BY]->(speaker:Entity)
RETURN s.name AS subject, c.predicate AS relationship, o.name AS object,
       coalesce(c.role, c.charge, c.stage, c.relation) AS qualifier,
       e.quote AS quote, speaker.name AS asserted_by, coalesce(e.date, e.start) AS date,
       s.key AS subject_key, o.key AS object_key, c.id AS claim_id
ORDER BY subject, relationship, object
