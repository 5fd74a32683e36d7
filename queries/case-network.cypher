// title: Everyone tied to a case
// description: Every entity tied to a case through any role: defendants, counsel, judges,
//   prosecutors, investigators, the accused, defenders naming the case, and those taking
//   part in events that are part of the case or linked to it.
// param case (entity LegalCase, required): the legal case (key or name)
MATCH (c:LegalCase {key: $case})
CALL (c) {
  MATCH (x:Entity)-[r]->(c)
  WHERE NOT x:Event
  RETURN x, type(r) AS tie, coalesce(r.procedural_status, r.stage, r.charge) AS detail
  UNION
  MATCH (x:Entity)-[r:DEFENDS]->(client:Entity)
  WHERE r.case = c.key
  RETURN x, 'DEFENDS' AS tie, client.name AS detail
  UNION
  MATCH (x:Entity)-[r:PARTICIPANT_IN]->(ev:Event)-[:PART_OF|LINKED_TO]-(c)
  RETURN x, 'PARTICIPANT_IN' AS tie, r.role + ': ' + ev.name AS detail
}
RETURN x.name AS entity, [l IN labels(x) WHERE l <> 'Entity'][0] AS label, tie, detail
ORDER BY entity, tie, detail
