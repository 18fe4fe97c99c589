// The statements `kg load` sends after the schema, in this order, once per batch
// of rows. A reference, not a script to run by hand.
// :param rows => []
// :param keep => []
// Generated from kg/stores/cypher.py; a test keeps this file equal to it.
UNWIND $rows AS row MERGE (n:Paper {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:Author {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:Method {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:Dataset {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:Task {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:Metric {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:Model {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:ModelFamily {id: row.id}) SET n = row.props;
UNWIND $rows AS row MERGE (n:Result {id: row.id}) SET n = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Method {id: row.target}) MERGE (a)-[r:PROPOSES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Dataset {id: row.target}) MERGE (a)-[r:PROPOSES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Task {id: row.target}) MERGE (a)-[r:PROPOSES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Metric {id: row.target}) MERGE (a)-[r:PROPOSES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Model {id: row.target}) MERGE (a)-[r:PROPOSES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Method {id: row.target}) MERGE (a)-[r:USES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Model {id: row.target}) MERGE (a)-[r:USES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Dataset {id: row.target}) MERGE (a)-[r:EVALUATES_ON]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Task {id: row.target}) MERGE (a)-[r:ADDRESSES]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Metric {id: row.target}) MERGE (a)-[r:USES_METRIC]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Method {id: row.target}) MERGE (a)-[r:COMPARES_WITH]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Model {id: row.target}) MERGE (a)-[r:COMPARES_WITH]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Method {id: row.target}) MERGE (a)-[r:MENTIONS]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Dataset {id: row.target}) MERGE (a)-[r:MENTIONS]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Task {id: row.target}) MERGE (a)-[r:MENTIONS]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Metric {id: row.target}) MERGE (a)-[r:MENTIONS]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Model {id: row.target}) MERGE (a)-[r:MENTIONS]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Model {id: row.source}) MATCH (b:ModelFamily {id: row.target}) MERGE (a)-[r:IN_FAMILY]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Author {id: row.source}) MATCH (b:Paper {id: row.target}) MERGE (a)-[r:AUTHORED]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Paper {id: row.source}) MATCH (b:Result {id: row.target}) MERGE (a)-[r:REPORTS]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Result {id: row.source}) MATCH (b:Dataset {id: row.target}) MERGE (a)-[r:ON_DATASET]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Result {id: row.source}) MATCH (b:Method {id: row.target}) MERGE (a)-[r:OF]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Result {id: row.source}) MATCH (b:Model {id: row.target}) MERGE (a)-[r:OF]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (a:Result {id: row.source}) MATCH (b:Metric {id: row.target}) MERGE (a)-[r:MEASURED_BY]->(b) SET r = row.props;
UNWIND $rows AS row MATCH (n:Paper {id: row.id})-[r]-(x) WHERE NOT (type(r) + '|' + x.id) IN row.keep DELETE r;
UNWIND $rows AS row MATCH (n:Result {id: row.id})-[r]->(x) WHERE NOT (type(r) + '|' + x.id) IN row.keep DELETE r;
UNWIND $rows AS row MATCH (n:Model {id: row.id})-[r:IN_FAMILY]->(x) WHERE NOT (type(r) + '|' + x.id) IN row.keep DELETE r;
MATCH (n:Result) WHERE NOT ()-->(n) AND NOT n.id IN $keep DETACH DELETE n;
MATCH (n:Method) WHERE NOT ()-->(n) AND NOT n.id IN $keep DETACH DELETE n;
MATCH (n:Dataset) WHERE NOT ()-->(n) AND NOT n.id IN $keep DETACH DELETE n;
MATCH (n:Task) WHERE NOT ()-->(n) AND NOT n.id IN $keep DETACH DELETE n;
MATCH (n:Metric) WHERE NOT ()-->(n) AND NOT n.id IN $keep DETACH DELETE n;
MATCH (n:Model) WHERE NOT ()-->(n) AND NOT n.id IN $keep DETACH DELETE n;
MATCH (n:ModelFamily) WHERE NOT ()-->(n) AND NOT n.id IN $keep DETACH DELETE n;
MATCH (n:Author) WHERE NOT (n)-->() AND NOT n.id IN $keep DETACH DELETE n;
