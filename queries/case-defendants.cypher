// title: Defendants of a case
// description: The defendants of one case with their procedural status, the charges, and
//   their lawyers (defence counsel in the case for that client, or defenders of the person
//   in that case).
// param case (entity LegalCase, required): the legal case (key or name)
MATCH (c:LegalCase {key: $case})<-[d:DEFENDANT_IN]-(def:Entity)
RETURN def.name AS defendant, d.procedural_status AS status, d.charge AS charge,
       c.charges AS case_charges,
       COLLECT {
         MATCH (l:Entity)
         WHERE EXISTS { MATCH (l)-[x:DEFENDS]->(def) WHERE x.case IS NULL OR x.case = c.key }
            OR EXISTS { MATCH (l)-[x:COUNSEL_IN]->(c) WHERE x.client = def.key }
         RETURN DISTINCT l.name AS name ORDER BY name
       } AS lawyers,
       d.sources AS sources
ORDER BY defendant
