// title: Torture and ill-treatment allegations
// description: Events of kind torture or ill_treatment: who was targeted, who is said to be
//   responsible, who alleges it, and the cases tied to them (cases the event or another event
//   of the same person is linked to or part of, and cases the person is a defendant in).
//   Last, for graph use: the keys of the victim, the event, those responsible and the cases,
//   and the ids of the claims (the victim's, those responsible, and the ties to the cases).
MATCH (victim:Entity)-[r:PARTICIPANT_IN {role: 'target'}]->(ev:Event)
WHERE ev.kind IN ['torture', 'ill_treatment']
WITH victim, r, ev,
     COLLECT { MATCH (perp:Entity)-[x:PARTICIPANT_IN {role: 'perpetrator'}]->(ev) RETURN x AS x } AS perps,
     COLLECT {
       MATCH (c:LegalCase)
       WHERE (ev)-[:LINKED_TO|PART_OF]-(c) OR (victim)-[:DEFENDANT_IN]->(c)
          OR EXISTS { MATCH (victim)-[:PARTICIPANT_IN]->(:Event)-[:LINKED_TO|PART_OF]-(c) }
       RETURN DISTINCT c AS c ORDER BY c.name
     } AS cases
RETURN ev.name AS event, ev.kind AS kind, victim.name AS victim,
       coalesce(r.date, ev.date) AS date,
       COLLECT { UNWIND perps AS x RETURN startNode(x).name AS name ORDER BY name } AS responsible,
       COLLECT {
         MATCH (:Claim {id: r.claim_id})<-[:SUPPORTS]-(e:Evidence)
         OPTIONAL MATCH (e)-[:ASSERTED_BY]->(s:Entity)
         RETURN DISTINCT coalesce(s.name, e.source) AS name ORDER BY name
       } AS alleged_by,
       [c IN cases | c.name] AS cases,
       victim.key AS victim_key, ev.key AS event_key,
       COLLECT { UNWIND perps AS x RETURN startNode(x).key AS key ORDER BY key } AS responsible_keys,
       [c IN cases | c.key] AS case_keys,
       COLLECT {
         CALL (r, perps, cases, ev, victim) {
           RETURN r.claim_id AS id
           UNION
           UNWIND perps AS x RETURN x.claim_id AS id
           UNION
           UNWIND cases AS c MATCH (ev)-[t:LINKED_TO|PART_OF]-(c) RETURN t.claim_id AS id
           UNION
           UNWIND cases AS c MATCH (victim)-[t:DEFENDANT_IN]->(c) RETURN t.claim_id AS id
           UNION
           UNWIND cases AS c MATCH (victim)-[t:PARTICIPANT_IN]->(:Event)-[u:LINKED_TO|PART_OF]-(c)
           UNWIND [t.claim_id, u.claim_id] AS id RETURN id
         }
         RETURN id ORDER BY id
       } AS claim_ids
ORDER BY victim, event
