import { PostgresStore } from '../../src/store/postgres-store';
import { requirePostgres, type TestDatabase } from '../support/postgres';
import { describeStoreContract } from './store-contract';

describe('PostgreSQL store', function () {
  let database: TestDatabase | undefined;
  let schemas = 0;

  before(async function () {
    database = await requirePostgres(this);
  });

  after(async function () {
    await database?.drop();
  });

  // Each test gets its own schema in the run's database: a new, empty database without the cost of CREATE DATABASE.
  describeStoreContract('PostgresStore', async () => {
    schemas += 1;
    const schema = `contract_${schemas}`;
    const url = (database as TestDatabase).url;
    return (clock) => new PostgresStore({ connectionString: url, schema, clock, poolSize: 10 });
  });
});
