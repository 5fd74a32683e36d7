// title: Evidence behind a relationship
// description: Every source, quote, speaker, date and confidence behind the relationships
//   between two entities (either direction), optionally of one type. Last, for graph use:
//   the keys of both ends and the claim id.
// param a (entity, required): one end (key, name or alias)
// param b (entity, required): the other end (key, name or alias)
// param type (string, default null): only this relationship type (e.g. DEFENDS)
MATCH (x:Entity {key: $a})-[r]-(y:Entity {key: $b})
WHERE $type IS NULL OR type(r) = $type
MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)-[:CITES]->(src:Source)
OPTIONAL MATCH (e)-[:ASSERTED_BY]->(speaker:Entity)
RETURN startNode(r).name AS subject, type(r) AS relationship, endNode(r).name AS object,
       src.title AS source, src.url AS url, e.quote AS quote, speaker.name AS asserted_by,
       coalesce(e.date, e.start) AS date, e.confidence AS confidence,
       startNode(r).key AS subject_key, endNode(r).key AS object_key, r.claim_id AS claim_id
ORDER BY relationship, source
