// title: Torture and ill-treatment allegations
// description: Events of kind torture or ill_treatment: who was targeted, who is said to be
//   responsible, who alleges it, and the cases tied to them (cases the event or another event
//   of the same person is linked to or part of, and cases the person is a defendant in).
MATCH (victim:Entity)-[r:PARTICIPANT_IN {role: 'target'}]->(ev:Event)
WHERE ev.kind IN ['torture', 'ill_treatment']
RETURN ev.name AS event, ev.kind AS kind, victim.name AS victim,
       coalesce(r.date, ev.date) AS date,
       COLLECT {
         MATCH (perp:Entity)-[:PARTICIPANT_IN {role: 'perpetrator'}]->(ev)
         RETURN perp.name AS name ORDER BY name
       } AS responsible,
       COLLECT {
         MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)
         OPTIONAL MATCH (e)-[:ASSERTED_BY]->(s:Entity)
         RETURN DISTINCT coalesce(s.name, e.source) AS name ORDER BY name
       } AS alleged_by,
       COLLECT {
         MATCH (c:LegalCase)
         WHERE (ev)-[:LINKED_TO|PART_OF]-(c) OR (victim)-[:DEFENDANT_IN]->(c)
            OR EXISTS { MATCH (victim)-[:PARTICIPANT_IN]->(:Event)-[:LINKED_TO|PART_OF]-(c) }
         RETURN DISTINCT c.name AS name ORDER BY name
       } AS cases
ORDER BY victim, event
