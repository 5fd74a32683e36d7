// title: Co-defendants of a person
// description: Everyone who is a defendant in the same case as the given person, case by
//   case. Last, for graph use: the keys of the case and the co-defendant, and the ids of
//   both defendants' claims.
// param person (entity Person, required): the defendant (key, name or alias)
MATCH (p:Entity {key: $person})-[pd:DEFENDANT_IN]->(c:LegalCase)<-[d:DEFENDANT_IN]-(co:Entity)
WHERE co <> p
RETURN c.name AS case, co.name AS co_defendant, d.procedural_status AS status, d.charge AS charge,
       c.key AS case_key, co.key AS co_defendant_key, [pd.claim_id, d.claim_id] AS claim_ids
ORDER BY case, co_defendant
