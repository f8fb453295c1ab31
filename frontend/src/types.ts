import type { Geometry } from 'geojson';

// The shapes of the API's answers, as far as the app reads them. Field names follow the JSON
// of the Go service (snake_case); optional members are those the service may leave out.

/** Members every stored node has. */
export interface Node {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  visibility: 'public' | 'internal';
}

export interface Region extends Node {
  name: string;
  kind: string;
}

export interface Municipality extends Node {
  name: string;
  region: string;
  population: number;
  foreign_population: number;
  protection_seekers: number;
}

export interface Field extends Node {
  name: string;
  region: string;
  canonical: string;
  description?: string;
}

export interface TargetGroup extends Node {
  name: string;
  region?: string;
  description?: string;
}

export interface Organisation extends Node {
  name: string;
  region: string;
  kind: string;
  description?: string;
  website?: string;
  email?: string;
  phone?: string;
  street?: string;
  postal_code?: string;
  city?: string;
}

export interface Network extends Node {
  name: string;
  region: string;
  kind: string;
  level: string;
  cadence?: string;
  description?: string;
}

export interface Measure extends Node {
  title: string;
  region: string;
  description?: string;
  status: string;
  level: string;
  starts?: string;
  ends?: string;
  languages?: string[];
  format?: string;
  cost?: number;
  capacity?: number;
  programme?: string;
  website?: string;
}

export interface Actor extends Node {
  name: string;
  region: string;
  role?: string;
  email?: string;
  phone?: string;
}

/** The API's collection names, i.e. the first path segment under /api/v1. */
export type Collection =
  | 'regions'
  | 'municipalities'
  | 'fields'
  | 'target-groups'
  | 'organisations'
  | 'actors'
  | 'networks'
  | 'measures'
  | 'goals'
  | 'indicators'
  | 'concepts'
  | 'guidelines';

export interface Relation {
  type: string;
  from: string;
  to: string;
  props?: { role?: string; since?: string; note?: string; verdict?: string; by?: string; at?: string };
}

/** Byte ranges [start, end) of the UTF-8 text of one field. */
export interface FieldMatch {
  field: string;
  spans: [number, number][];
}

export interface SearchHit {
  kind: 'measure' | 'organisation' | 'network' | string;
  score: number;
  item: Node & { name?: string; title?: string; description?: string; kind?: string; status?: string };
  matches?: FieldMatch[];
}

// Coverage and the map.

export type CoverageClass = 'gap' | 'thin' | 'covered';

export interface CoverageCell {
  municipality: string;
  field: string;
  offers: number;
  measures: string[];
  demand: number;
  density: number;
  class: CoverageClass;
  networks: string[];
  explanation: string;
}

export interface CoverageField {
  id: string;
  name: string;
  canonical: string;
  median_density: number;
  thin_below: number;
}

export interface CoverageMunicipality {
  ags: string;
  name: string;
  demand: number;
  gaps: number;
  thin: number;
  covered: number;
  offers: number;
  fields_without_network: number;
}

export interface Coverage {
  region: string;
  demand: string;
  thin_factor: number;
  fields: CoverageField[];
  municipalities: CoverageMunicipality[];
  cells: CoverageCell[];
  gaps: CoverageCell[];
  thin: CoverageCell[];
}

export interface Gaps {
  region: string;
  gaps: CoverageCell[];
  thin: CoverageCell[];
}

/** Properties of one municipality in GET /map/municipalities.geojson. */
export interface MapProperties {
  ags: string;
  name: string;
  population: number;
  foreign_population: number;
  demand: number;
  offers: number;
  gaps: number;
  thin: number;
  covered: number;
  fields_without_network: number;
  /** Only with a chosen field: */
  field?: string;
  class?: CoverageClass;
  field_offers: number;
  density: number;
  networks?: string[];
  explanation?: string;
}

export interface MapFeature {
  type: 'Feature';
  geometry: Geometry;
  properties: MapProperties;
}

export interface MapCollection {
  type: 'FeatureCollection';
  features: MapFeature[];
}

// Duplicates.

export interface ScorePart {
  name: string;
  value: number;
  weight: number;
  a: string;
  b: string;
  /** How the value came about, in German and English (the service's message catalogue). */
  note: { de: string; en: string };
}

/** One feature of a pair with its weight and its part of the model's sum (logit). */
export interface DuplicateFeature {
  /** title, description, compound, synonyms, title_trigrams, programme, languages, format, target_groups, same_provider. */
  name: string;
  /** The feature, in [0, 1]. */
  value: number;
  /** The model's weight of the feature. */
  weight: number;
  /** weight · value: what the feature adds to the logit (negative: speaks against). */
  contribution: number;
}

/** A sentence in German and English from the service's message catalogue. */
export interface Bilingual {
  de: string;
  en: string;
}

export interface DuplicatePair {
  a: string;
  b: string;
  title_a: string;
  title_b: string;
  /** The model's probability that both are the same offer. */
  score: number;
  /** 1 − |2·score − 1|: 1 when the model cannot tell, 0 when it is sure. */
  uncertainty: number;
  /** The features in the model's order; the model's bias plus their contributions is the logit of score. */
  features: DuplicateFeature[];
  /** Why the pair was detected, in German and English. */
  why: Bilingual;
  text: number;
  structure: number;
  parts: ScorePart[];
  kind: 'data_duplicate' | 'parallel_offer' | string;
  suggestion: string;
  shared_terms: string[];
  highlights_a: FieldMatch[];
  highlights_b: FieldMatch[];
  municipalities: string[];
  fields: string[];
  target_groups: string[];
  verdict?: OfferVerdict;
  verdict_by?: string;
  verdict_at?: string;
  /** With the verdict coordinating: the day (YYYY-MM-DD) by which it is settled, and whether that day has passed. */
  due?: string;
  overdue?: boolean;
  verdict_note?: string;
  explanation: string;
}

export interface DuplicateCluster {
  id: string;
  measures: string[];
  pairs: DuplicatePair[];
  links: number;
  kind: string;
  suggestion: string;
  score: number;
  /** What the cluster is and what to do, in German and English (the service's catalogue). */
  why?: { de: string; en: string };
  /** English: why.en. */
  explanation: string;
}

/** The model a region's pairs were scored with: p = σ(bias + Σ weightᵢ · featureᵢ). */
export interface DuplicateModel {
  region: string;
  /** built_in: fitted on the built-in labelled pairs; fitted: refitted with the region's verdicts. */
  source: 'built_in' | 'fitted' | string;
  bias: number;
  /** The weights by feature name. */
  weights: Record<string, number>;
  /** The region's verdicts in the fit. */
  verdicts: number;
  /** How many built-in pairs one verdict weighs (fitted only). */
  verdict_weight?: number;
  /** The labelled pairs of the fit, built-in ones included. */
  pairs: number;
}

/** How many blocked pairs each step of the candidate bound kept. */
export interface DuplicateSteps {
  indexed: number;
  bounded: number;
  scored: number;
  kept: number;
}

/** Which model scores the pairs: the region's verdicts included (default) or the built-in weights alone. */
export type DuplicateModelChoice = 'fitted' | 'built_in';

export interface Duplicates {
  region: string;
  /** The probability from which a pair is reported (default 0.60). */
  threshold: number;
  /** The order of pairs: clusters or uncertain. */
  order: 'clusters' | 'uncertain' | string;
  /** The model with its weights, in one line (English). */
  formula: string;
  model: DuplicateModel;
  models: DuplicateModel[];
  measures: number;
  candidates: number;
  steps: DuplicateSteps;
  above_threshold: number;
  pairs: DuplicatePair[];
  clusters: DuplicateCluster[];
  reviewed: DuplicatePair[];
  /** The review queue: unreviewed pairs the model is least sure about, the most uncertain first (at most 50). */
  uncertain: DuplicatePair[];
}

export type Verdict = 'duplicate' | 'intended' | 'not_duplicate';

/** The verdicts on a pair of offers: the final ones, or coordinating (Abstimmung angestoßen, with a due date). */
export type OfferVerdict = Verdict | 'coordinating';

export interface VerdictResult<V extends string = Verdict> {
  a: string;
  b: string;
  verdict: V;
  note?: string;
  /** The due date of a coordination (YYYY-MM-DD). */
  due?: string;
  by: string;
  at: string;
  /** The earlier verdict on the pair that this one replaced, if any. */
  replaced?: PriorVerdict<V>;
}

/** A verdict that a newer one replaced. */
export interface PriorVerdict<V extends string = Verdict> {
  verdict: V;
  due?: string;
  note?: string;
  by: string;
  at: string;
}

// Overlapping structures (Doppelstrukturen of bodies and concepts).

export type StructureOverlapKind = 'parallel_networks' | 'county_and_town' | 'town_concept';

/** One of the two structures of an overlap: a network (body) or a concept. */
export interface StructureSide {
  id: string;
  name: string;
  /** The network's kind (steering_group, round_table, …) or "concept". */
  kind: string;
  /** county or municipal; municipality names the town of a municipal body or concept. */
  level: 'county' | 'municipal' | string;
  municipality?: string;
  /** The network's member organisations (0 for concepts). */
  members: number;
}

export interface StructureOverlap {
  kind: StructureOverlapKind | string;
  a: StructureSide;
  b: StructureSide;
  /** Orders the overlaps (0–1). */
  score: number;
  /** Jaccard index of the member organisations (0–1). */
  jaccard: number;
  /** Similarity of name and description (0–1). */
  purpose: number;
  shared_members: Named[];
  fields: Named[];
  municipalities: Named[];
  /** The county goals in the town concept's fields (town_concept only). */
  goals?: Named[];
  verdict?: Verdict;
  /** Who gave the stored verdict, when, and the note. */
  verdict_by?: string;
  verdict_at?: string;
  verdict_note?: string;
  explanation: string;
}

export interface StructureParams {
  min_jaccard: number;
  min_shared: number;
  min_purpose: number;
  lang: string;
}

export interface Structures {
  region: string;
  params: StructureParams;
  /** What was compared. */
  networks: number;
  concepts: number;
  /** Open overlaps (no verdict, or confirmed as duplicate), highest score first. */
  overlaps: StructureOverlap[];
  /** Overlaps set aside by a verdict (intended or not_duplicate). */
  reviewed: StructureOverlap[];
}

// Partners.

export interface Named {
  id: string;
  name: string;
}

export interface PartnerReason {
  code: 'shared_fields' | 'shared_municipalities' | 'shared_target_groups' | 'complementary_fields' | 'common_partners' | string;
  items: Named[];
  text: string;
}

export interface Contact {
  id: string;
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface Partner {
  organisation: string;
  name: string;
  kind: string;
  score: number;
  parts: {
    fields: number;
    municipalities: number;
    target_groups: number;
    complementarity: number;
    proximity: number;
  };
  reasons: PartnerReason[];
  website?: string;
  email?: string;
  phone?: string;
  contacts: Contact[];
}

export interface Partners {
  organisation: Named;
  region: string;
  candidates: number;
  tied: number;
  partners: Partner[];
}

// Network structure.

export interface NetworkNode {
  id: string;
  name: string;
  kind: string;
  degree: number;
  strength: number;
  betweenness: number;
  pagerank: number;
  community: number;
  articulation_point: boolean;
  isolated: boolean;
}

export interface NetworkEdge {
  a: string;
  b: string;
  weight: number;
  networks: string[];
  cooperation: boolean;
}

export interface DensityRow {
  id: string;
  name: string;
  organisations: number;
  ties: number;
  density: number;
}

export interface NetworkAnalysis {
  region: string;
  organisations: number;
  ties: number;
  density: number;
  components: number;
  modularity: number;
  communities: { id: number; size: number; central: Named }[];
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  networks: { id: string; name: string; kind: string; members: string[] }[];
  brokers: NetworkNode[];
  articulation_points: Named[];
  isolated: Named[];
  density_by_municipality: DensityRow[];
  density_by_field: DensityRow[];
}

export interface EgoNetwork {
  center: Named;
  depth: number;
  nodes: { id: string; name: string; kind: string; distance: number }[];
  edges: NetworkEdge[];
}

// Monitoring snapshots.

/** One headline figure over the snapshots of a trend (null where a snapshot did not keep it). */
export interface TrendFigure {
  key: string;
  group: 'coverage' | 'directory' | 'network' | 'attainment' | string;
  decimals: number;
  values: (number | null)[];
}

/** Headline figures of a region's snapshots side by side, oldest first. */
export interface SnapshotTrend {
  region: string;
  snapshots: { id?: string; label?: string; taken: string; revision: number }[];
  figures: TrendFigure[];
  /** The most snapshots one trend holds, and how many older ones were left out. */
  limit: number;
  omitted: number;
}

/** An offer of a running coordination. */
export interface CoordinatedMeasure {
  id: string;
  title: string;
  providers: Named[];
  municipalities: Named[];
}

/** A parallel offer whose providers coordinate by a due date (Laufende Abstimmung). */
export interface Coordination {
  a: CoordinatedMeasure;
  b: CoordinatedMeasure;
  /** The municipalities both are offered in. */
  municipalities: Named[];
  due: string;
  overdue: boolean;
  by?: string;
  at?: string;
  note?: string;
}

export interface CoordinationList {
  region: string;
  today: string;
  items: Coordination[];
  total: number;
  overdue: number;
}

export interface SnapshotInfo {
  id: string;
  region: string;
  label: string;
  taken: string;
  revision: number;
  created_by: string;
}

export interface SnapshotCell {
  municipality: string;
  municipality_name: string;
  field: string;
  field_name: string;
  demand: number;
  offers: number;
}

export interface MeasureStatusRow {
  field: string;
  field_name: string;
  counts: Record<string, number>;
}

export interface Snapshot extends SnapshotInfo {
  data: {
    organisations: number;
    measures: number;
    networks: number;
    classes: Record<string, number>;
    gaps: SnapshotCell[];
    thin: SnapshotCell[];
    measure_status: MeasureStatusRow[];
  };
}

export interface Comparison {
  region: string;
  from: { id?: string; label?: string; taken: string; revision: number };
  to: { id?: string; label?: string; taken: string; revision: number };
  gaps_closed: SnapshotCell[];
  gaps_opened: SnapshotCell[];
  classes: Record<string, [number, number]>;
  duplicates_resolved: { measures: string[]; titles: string[]; kind: string; score: number }[];
  duplicates_new: { measures: string[]; titles: string[]; kind: string; score: number }[];
  joined: { organisation: string; organisation_name: string; network: string; network_name: string }[];
  left: { organisation: string; organisation_name: string; network: string; network_name: string }[];
  measure_status: { field: string; field_name: string; status: string; from: number; to: number; delta: number }[];
  figures: Record<string, [number, number]>;
  /** Whether both states list their measures (states saved before that name none). */
  measure_detail?: boolean;
  measures_changed?: MeasureChange[];
  measures_added?: MeasureState[];
  measures_removed?: MeasureState[];
  goals_changed?: ClassChange[];
  indicators_changed?: ClassChange[];
}

/** A measure whose status differs between two saved states. */
export interface MeasureChange {
  id: string;
  title: string;
  reference?: string;
  fields?: string[];
  lead?: string;
  from: string;
  to: string;
  note?: string;
}

/** A measure as a saved state lists it. */
export interface MeasureState {
  id: string;
  title: string;
  reference?: string;
  status: string;
  fields?: string[];
  lead?: string;
  note?: string;
}

/** A goal or indicator whose attainment class differs between two saved states. */
export interface ClassChange {
  id: string;
  name: string;
  reference?: string;
  from: string;
  to: string;
}

// Users and the audit log.

export type Role = 'viewer' | 'member' | 'coordinator' | 'admin';

export interface User {
  username: string;
  admin: boolean;
  organisation?: string;
  roles: Record<string, Role>;
  version?: number;
}

export interface LoginResult {
  token: string;
  expires_at: string;
  csrf_token: string;
  user: User;
}

export interface AuditEntry {
  seq: number;
  at: string;
  user: string;
  action: string;
  kind: string;
  entity?: string;
  related?: string;
  region?: string;
  before?: unknown;
  after?: unknown;
  redacted?: boolean;
  summary?: string;
}

// Import and export (POST /import, GET /import/template, GET /export).

/** One problem of an import, located as precisely as the file allows. */
export interface ImportRowError {
  file: string;
  /** The sheet (XLSX) or table (JSON "nodes", GeoJSON "features"); absent for CSV files. */
  sheet?: string;
  /** Spreadsheet row (CSV: the line, header = 1) or position in JSON; 0 for the whole file. */
  row: number;
  /** Column header (JSON: the property); absent when the whole row is meant. */
  column?: string;
  value?: string;
  message: string;
  /** invalid, unknown_name, ambiguous_name, duplicate_row, unknown_column, missing_column, forbidden or conflict. */
  code: string;
  /** The closest known names for an unknown one. */
  suggestions?: string[];
}

/** Rows of one table by outcome. */
export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ImportSheetReport extends ImportCounts {
  sheet: string;
  /** A sheet kind (measures, organisations, …), or nodes / features. */
  kind: string;
}

export interface ImportFileReport {
  file: string;
  format: string;
  encoding?: string;
  delimiter?: string;
  sheets: ImportSheetReport[] | null;
}

/** The answer of POST /import, dry run or real run. */
export interface ImportReport extends ImportCounts {
  dry_run: boolean;
  /** No row has an error: a real run wrote everything, a dry run would. */
  ok: boolean;
  written: boolean;
  revision?: number;
  files: ImportFileReport[] | null;
  relations: { added: number; updated: number; removed: number; unchanged: number };
  /** At most 1,000 problems; error_count counts all. */
  errors: ImportRowError[] | null;
  error_count: number;
  warnings: string[] | null;
}

/** How far an import job is (GET /import/jobs/{id}). */
export interface ImportProgress {
  /** reading (and checking rows), validating (a dry run's whole check), writing, done. */
  phase: 'reading' | 'validating' | 'writing' | 'done';
  bytes_read: number;
  bytes_total: number;
  rows_read: number;
  /** Rows read without a problem so far. */
  rows_valid: number;
  /** Rows whose changes are stored: all at the end of a written import, none before. */
  rows_written: number;
}

/** An import that runs as a job (POST /import answers 202 for files from 1 MiB). */
export interface ImportJob {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: ImportProgress;
  cancel_requested: boolean;
  /** Once ended: the status the import would have answered at once (200, 400, 403). */
  status?: number;
  report?: ImportReport;
  /** Why a failed job failed, or why a finished import wrote nothing. */
  problem?: { type: string; title: string; status: number; detail: string; errors?: { field: string; message: string }[] };
  created_at: string;
  updated_at: string;
  finished_at?: string;
}

// The integration concept (GET /api/v1/{concepts|guidelines|goals|indicators}).

export interface ConceptPeriod {
  name: string;
  starts: string;
  ends?: string;
}

export interface Concept extends Node {
  title: string;
  region: string;
  description?: string;
  adopted?: string;
  periods?: ConceptPeriod[];
  website?: string;
}

export interface Guideline extends Node {
  title: string;
  region: string;
  concept: string;
  reference?: string;
  description?: string;
}

export interface Goal extends Node {
  text: string;
  region: string;
  concept?: string;
  guideline?: string;
  parent?: string;
  level?: string;
  reference?: string;
  priority?: string;
  period?: string;
  starts?: string;
  due?: string;
  description?: string;
}

export interface IndicatorValue {
  municipality?: string;
  year: number;
  value: number;
}

export interface Indicator extends Node {
  name: string;
  region: string;
  description?: string;
  unit?: string;
  source?: string;
  direction?: string;
  baseline?: number;
  baseline_year?: number;
  target?: number;
  target_upper?: number;
  target_year?: number;
  values?: IndicatorValue[];
}

// The attainment analysis (GET /api/v1/analysis/monitoring; analysis/attainment_types.go).

export type AttainmentClass = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface Point {
  year: number;
  value: number;
}

export interface Trend {
  slope: number;
  intercept: number;
  points: number;
  from: number;
  to: number;
}

export interface Judgement {
  class: AttainmentClass;
  reason: string;
  latest?: Point;
  start?: Point;
  share?: number;
  trend?: Trend;
  projected?: number;
  reach_year?: number;
  explanation: string;
}

export interface MunicipalAttainment extends Judgement {
  municipality: string;
  name: string;
  series: Point[];
}

export interface IndicatorAttainment extends Judgement {
  indicator: string;
  name: string;
  unit?: string;
  source?: string;
  direction?: string;
  baseline?: Point;
  target?: number;
  target_upper?: number;
  target_year?: number;
  series: Point[];
  municipalities?: MunicipalAttainment[];
  goals: string[];
}

export interface MeasureCounts {
  planned: number;
  active: number;
  paused: number;
  completed: number;
}

export interface GoalAttainment {
  goal: string;
  text: string;
  reference?: string;
  level?: string;
  priority?: string;
  concept?: string;
  guideline?: string;
  parent?: string;
  due?: string;
  fields: string[];
  indicators: string[];
  children: string[];
  measures: string[];
  measure_status: MeasureCounts;
  class: AttainmentClass;
  counts: Record<string, number>;
  explanation: string;
}

export interface GroupAttainment {
  id: string;
  name: string;
  goals: string[];
  class: AttainmentClass;
  counts: Record<string, number>;
  explanation: string;
}

export interface GuidelineInfo {
  id: string;
  title: string;
  reference?: string;
  concept: string;
  goals: string[];
}

export interface AttainmentResult {
  region: string;
  year: number;
  concepts: GroupAttainment[];
  guidelines: GuidelineInfo[];
  fields: GroupAttainment[];
  goals: GoalAttainment[];
  indicators: IndicatorAttainment[];
  counts: Record<string, number>;
}

/** A measure as GET /analysis/monitoring/goals/{id} lists it. */
export interface MonitoringMeasure {
  id: string;
  title: string;
  status: string;
  reference?: string;
  priority?: string;
  horizon?: string;
  lead: Named | null;
}

/** The answer of GET /api/v1/analysis/monitoring/goals/{id}. */
export interface GoalMonitoring {
  goal: GoalAttainment;
  indicators: IndicatorAttainment[];
  children: GoalAttainment[];
  measures: MonitoringMeasure[];
}
