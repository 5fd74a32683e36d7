// title: Cases of a lawyer
// description: Every case a lawyer works on (as defence counsel, or as the defender of a
//   person in a named case), with the clients there and the other lawyers of the case.
// param lawyer (entity Person, required): the lawyer (key, name or alias)
MATCH (l:Person {key: $lawyer})
MATCH (c:LegalCase)
WHERE (l)-[:COUNSEL_IN]->(c) OR EXISTS { MATCH (l)-[x:DEFENDS]->() WHERE x.case = c.key }
RETURN c.name AS case, c.key AS case_key,
       COLLECT {
         MATCH (l)-[x:COUNSEL_IN|DEFENDS]->(t)
         WHERE (x:COUNSEL_IN AND t = c AND x.client IS NOT NULL) OR (x:DEFENDS AND x.case = c.key)
         WITH CASE WHEN x:DEFENDS THEN t.key ELSE x.client END AS client
         MATCH (p:Entity {key: client})
         RETURN DISTINCT p.name AS name ORDER BY name
       } AS clients,
       COLLECT {
         MATCH (o:Person)-[:COUNSEL_IN]->(c) WHERE o <> l
         RETURN DISTINCT o.name AS name ORDER BY name
       } AS other_lawyers
ORDER BY case
