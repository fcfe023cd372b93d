// PostGraphile 5 over kb's database, for the side-by-side benchmark (bench/query.py --postgraphile).
// The URL and port come from the environment (DATABASE_URL, PORT).
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Without it, v5 exposes only relations and orders backed by an index it can use; kb's
  // statement-by-speaker indexes are partial (WHERE speaker_person_id IS NOT NULL), which it
  // does not count, so person → statements would be missing.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"],
                               poolConfig: { max: Number(process.env.PG_POOL_SIZE ?? 10) } })],
  grafserv: { host: "127.0.0.1", port: Number(process.env.PORT ?? 5678), graphiql: false, watch: false },
  grafast: { explain: false },
  schema: { exportSchemaSDLPath: undefined },
};

export default preset;
