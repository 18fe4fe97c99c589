// PaperKG schema for FalkorDB (no constraints, no IF NOT EXISTS):
// `kg load falkordb` runs these first and ignores 'already indexed'.
// Generated from kg/stores/cypher.py; a test keeps this file equal to it.
CREATE INDEX FOR (n:Paper) ON (n.id);
CREATE INDEX FOR (n:Author) ON (n.id);
CREATE INDEX FOR (n:Method) ON (n.id);
CREATE INDEX FOR (n:Dataset) ON (n.id);
CREATE INDEX FOR (n:Task) ON (n.id);
CREATE INDEX FOR (n:Metric) ON (n.id);
CREATE INDEX FOR (n:Model) ON (n.id);
CREATE INDEX FOR (n:ModelFamily) ON (n.id);
CREATE INDEX FOR (n:Result) ON (n.id);
CREATE INDEX FOR (n:Author) ON (n.name);
CREATE INDEX FOR (n:Method) ON (n.name);
CREATE INDEX FOR (n:Dataset) ON (n.name);
CREATE INDEX FOR (n:Task) ON (n.name);
CREATE INDEX FOR (n:Metric) ON (n.name);
CREATE INDEX FOR (n:Model) ON (n.name);
CREATE INDEX FOR (n:ModelFamily) ON (n.name);
CREATE INDEX FOR (n:Paper) ON (n.year);
