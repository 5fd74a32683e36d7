// title: Co-defendants of a person
// description: Everyone who is a defendant in the same case as the given person, case by case.
// param person (entity Person, required): the defendant (key, name or alias)
MATCH (p:Entity {key: $person})-[:DEFENDANT_IN]->(c:LegalCase)<-[d:DEFENDANT_IN]-(co:Entity)
WHERE co <> p
RETURN c.name AS case, co.name AS co_defendant, d.procedural_status AS status, d.charge AS charge
ORDER BY case, co_defendant
