// title: Everyone tied to a case
// description: Every entity tied to a case through any role: defendants, counsel, judges,
//   prosecutors, investigators, the accused, defenders naming the case, and those taking
//   part in events that are part of the case or linked to it. Last, for graph use: the
//   entity's key and the ids of the claims that tie it (for an event's participant, also
//   the claim linking the event to the case).
// param case (entity LegalCase, required): the legal case (key or name)
MATCH (c:LegalCase {key: $case})
CALL (c) {
  MATCH (x:Entity)-[r]->(c)
  WHERE NOT x:Event
  RETURN x, type(r) AS tie, coalesce(r.procedural_status, r.stage, r.charge) AS detail, [r.claim_id] AS ids
  UNION
  MATCH (x:Entity)-[r:DEFENDS]->(client:Entity)
  WHERE r.case = c.key
  RETURN x, 'DEFENDS' AS tie, client.name AS detail, [r.claim_id] AS ids
  UNION
  MATCH (x:Entity)-[r:PARTICIPANT_IN]->(ev:Event)-[link:PART_OF|LINKED_TO]-(c)
  RETURN x, 'PARTICIPANT_IN' AS tie, r.role + ': ' + ev.name AS detail, [r.claim_id, link.claim_id] AS ids
}
WITH x, tie, detail, collect(ids) AS ids
RETURN x.name AS entity, [l IN labels(x) WHERE l <> 'Entity'][0] AS label, tie, detail,
       x.key AS key, COLLECT { UNWIND ids AS i UNWIND i AS id RETURN DISTINCT id ORDER BY id } AS claim_ids
ORDER BY entity, tie, detail
