// title: What a person asserted
// description: Every claim a named speaker is quoted as asserting, with the quote and source.
// param person (entity Person, required): the speaker (key, name or alias)
MATCH (p:Entity {key: $person})<-[:ASSERTED_BY]-(e:Evidence)-[:SUPPORTS]->(c:Claim)
MATCH (e)-[:CITES]->(src:Source)
MATCH (s:Entity {key: c.subject}), (o:Entity {key: c.object})
RETURN s.name AS subject, c.predicate AS relationship, c.role AS role, o.name AS object,
       e.quote AS quote, src.title AS source, coalesce(e.date, e.start) AS date
ORDER BY subject, object
