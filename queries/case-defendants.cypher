// title: Defendants of a case
// description: The defendants of one case with their procedural status, the charges, and
//   their lawyers (defence counsel in the case for that client, or defenders of the person
//   in that case). Last, for graph use: the keys of the defendant, the case and the lawyers,
//   and the ids of the claims (the defendant's, and each lawyer's for that client).
// param case (entity LegalCase, required): the legal case (key or name)
MATCH (c:LegalCase {key: $case})<-[d:DEFENDANT_IN]-(def:Entity)
WITH c, d, def,
     COLLECT {
       MATCH (l:Entity)-[x:DEFENDS]->(def) WHERE x.case IS NULL OR x.case = c.key
       RETURN x AS x
       UNION
       MATCH (l:Entity)-[x:COUNSEL_IN]->(c) WHERE x.client = def.key
       RETURN x AS x
     } AS counsel
RETURN def.name AS defendant, d.procedural_status AS status, d.charge AS charge,
       c.charges AS case_charges,
       COLLECT { UNWIND counsel AS x RETURN DISTINCT startNode(x).name AS name ORDER BY name } AS lawyers,
       d.sources AS sources,
       def.key AS defendant_key, c.key AS case_key,
       COLLECT { UNWIND counsel AS x RETURN DISTINCT startNode(x).key AS key ORDER BY key } AS lawyer_keys,
       [d.claim_id] + COLLECT { UNWIND counsel AS x RETURN x.claim_id AS id ORDER BY id } AS claim_ids
ORDER BY defendant
