// Adapter: DynamoDbTable against dynalite (as the embedded stack runs it), for pagination cursors:
// a cursor a caller sends back must be a key of the query it came from, and a forged or truncated
// one is a 400 naming the cursor, never a DynamoDB ValidationException surfacing as a 500. And a get
// or a query asked to be consistent sends ConsistentRead (against a mocked client: dynalite is always
// consistent).
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableInput } from '../../../local/bootstrap';
import { servingTable } from '../../config/resources';
import { InternalError, ValidationError } from '../../domain/errors';
import { toProblem } from '../../domain/problem';
import { listPatients } from '../../domain/serving/queries';
import type { Item } from '../../ports/table';
import { DynamoDbTable, decodeCursor, encodeCursor } from './dynamodb-table';

const patient = (hospital: string, n: number): Item => ({
  pk: `P#${hospital}#${hospital}${n}aaaaaaaa`,
  sk: 'PATIENT',
  gsi1pk: `H#${hospital}`,
  gsi1sk: `${hospital}${n}aaaaaaaa`,
  hospital,
  resource: { resourceType: 'Patient', id: `${hospital}${n}aaaaaaaa` },
});

describe('Adapter: DynamoDbTable.query pagination cursors', () => {
  let server: ReturnType<typeof dynalite>;
  let client: DynamoDBDocumentClient;
  let table: DynamoDbTable;

  beforeAll(async () => {
    server = dynalite({ createTableMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const dynamodb = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    await dynamodb.send(new CreateTableCommand(createTableInput('serving', servingTable)));
    client = DynamoDBDocumentClient.from(dynamodb);
    table = new DynamoDbTable(client, 'serving');
    const items: Item[] = [];
    for (const hospital of ['alpha', 'beta'])
      for (let n = 0; n < 5; n += 1) items.push(patient(hospital, n));
    await table.putMany(items);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the query should have been refused'),
      (error: unknown) => error,
    );

  it('continues an index query and a table query from the cursor it returned', async () => {
    // Act
    const first = await table.query({ index: 'byHospital', partition: 'H#alpha', limit: 2 });
    const second = await table.query({
      index: 'byHospital',
      partition: 'H#alpha',
      limit: 2,
      cursor: first.cursor!,
    });
    const row = await table.query({ partition: 'P#alpha#alpha0aaaaaaaa', limit: 1 });
    const after = await table.query({
      partition: 'P#alpha#alpha0aaaaaaaa',
      limit: 1,
      cursor: row.cursor!,
    });

    // Assess
    expect(Object.keys(decodeCursor(first.cursor!)).sort()).toEqual([
      'gsi1pk',
      'gsi1sk',
      'pk',
      'sk',
    ]);
    expect([...first.items, ...second.items].map((item) => item.gsi1sk)).toEqual([
      'alpha0aaaaaaaa',
      'alpha1aaaaaaaa',
      'alpha2aaaaaaaa',
      'alpha3aaaaaaaa',
    ]);
    expect(Object.keys(decodeCursor(row.cursor!)).sort()).toEqual(['pk', 'sk']);
    expect(after.items).toEqual([]);
  });

  it.each([
    ['only the index partition key', { gsi1pk: 'H#alpha' }],
    ['no table keys', { gsi1pk: 'H#alpha', gsi1sk: 'alpha1aaaaaaaa' }],
    [
      'an extra attribute',
      {
        gsi1pk: 'H#alpha',
        gsi1sk: 'alpha1aaaaaaaa',
        pk: 'P#alpha#alpha1aaaaaaaa',
        sk: 'PATIENT',
        x: 'y',
      },
    ],
    [
      'another attribute in place of a key',
      {
        gsi1pk: 'H#alpha',
        gsi1sk: 'alpha1aaaaaaaa',
        pk: 'P#alpha#alpha1aaaaaaaa',
        hospital: 'alpha',
      },
    ],
    [
      'a number where a string key belongs',
      { gsi1pk: 'H#alpha', gsi1sk: 1, pk: 'P#alpha#alpha1aaaaaaaa', sk: 'PATIENT' },
    ],
    [
      'an object where a string key belongs',
      { gsi1pk: 'H#alpha', gsi1sk: { S: 'x' }, pk: 'P#alpha#alpha1aaaaaaaa', sk: 'PATIENT' },
    ],
    [
      'an empty string key',
      { gsi1pk: 'H#alpha', gsi1sk: '', pk: 'P#beta#beta0aaaaaaaa', sk: 'PATIENT' },
    ],
    [
      'another hospital partition',
      { gsi1pk: 'H#beta', gsi1sk: 'beta1aaaaaaaa', pk: 'P#beta#beta1aaaaaaaa', sk: 'PATIENT' },
    ],
  ])('refuses a cursor with %s as a ValidationError naming the cursor', async (_case, key) => {
    // Act
    const error = await rejection(
      table.query({
        index: 'byHospital',
        partition: 'H#alpha',
        limit: 2,
        cursor: encodeCursor(key),
      }),
    );

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ path: 'cursor' });
    expect((error as Error).message).toMatch(/^invalid pagination cursor/);
  });

  it('refuses a table-query cursor that names an index key or lacks the sort key', async () => {
    // Act
    const extra = await rejection(
      table.query({
        partition: 'P#alpha#alpha0aaaaaaaa',
        cursor: encodeCursor({ pk: 'P#alpha#alpha0aaaaaaaa', sk: 'PATIENT', gsi1pk: 'H#alpha' }),
      }),
    );
    const short = await rejection(
      table.query({
        partition: 'P#alpha#alpha0aaaaaaaa',
        cursor: encodeCursor({ pk: 'P#alpha#alpha0aaaaaaaa' }),
      }),
    );

    // Assess
    expect(extra).toBeInstanceOf(ValidationError);
    expect(short).toBeInstanceOf(ValidationError);
  });

  it('refuses a cursor whose sort key is outside the query sort prefix', async () => {
    // Act
    const error = await rejection(
      table.query({
        partition: 'P#alpha#alpha0aaaaaaaa',
        sortPrefix: 'Observation#',
        cursor: encodeCursor({ pk: 'P#alpha#alpha0aaaaaaaa', sk: 'PATIENT' }),
      }),
    );

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ path: 'cursor' });
  });

  it('answers a truncated cursor through the API query with a 400 problem naming the cursor', async () => {
    // Act
    const error = await rejection(
      listPatients(table, 'alpha', { limit: 2, cursor: encodeCursor({ gsi1pk: 'H#alpha' }) }),
    );

    // Assess
    expect(toProblem(error)).toMatchObject({
      status: 400,
      detail: 'invalid pagination cursor',
      path: 'cursor',
    });
  });

  it('maps DynamoDB refusing a start key to the same 400 when the definition let it through', async () => {
    // Prepare: an adapter whose definition omits the table's sort key, so its own check passes a
    // cursor of the partition key alone and DynamoDB itself refuses the start key
    const { sortKey: _sortKey, ...withoutSortKey } = servingTable;
    const loose = new DynamoDbTable(client, 'serving', withoutSortKey);

    // Act
    const error = await rejection(
      loose.query({
        partition: 'P#alpha#alpha0aaaaaaaa',
        cursor: encodeCursor({ pk: 'P#alpha#alpha0aaaaaaaa' }),
      }),
    );

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ message: 'invalid pagination cursor', path: 'cursor' });
    expect((error as ValidationError).cause).toMatchObject({ name: 'ValidationException' });
  });

  it('leaves a DynamoDB ValidationException of a query without a cursor as it is', async () => {
    // Act: dynalite refuses a Limit of 0
    const error = await rejection(table.query({ partition: 'P#alpha#alpha0aaaaaaaa', limit: 0 }));

    // Assess
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ name: 'ValidationException' });
  });
});

describe('Adapter: DynamoDbTable.get consistency', () => {
  it('sends ConsistentRead: true only when a consistent read is asked for', async () => {
    // Prepare: one document client mocked (its instance only, not the class)
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
    const dynamodb = mockClient(documents);
    dynamodb.on(GetCommand).resolves({ Item: { pk: 'P#east#p1', sk: 'DECISION#rec-1' } });
    const table = new DynamoDbTable(documents, 'serving');

    // Act
    const consistent = await table.get('P#east#p1', 'DECISION#rec-1', { consistent: true });
    await table.get('P#east#p1', 'DECISION#rec-1');

    // Assess
    expect(consistent).toEqual({ pk: 'P#east#p1', sk: 'DECISION#rec-1' });
    const inputs = dynamodb.commandCalls(GetCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      {
        TableName: 'serving',
        Key: { pk: 'P#east#p1', sk: 'DECISION#rec-1' },
        ConsistentRead: true,
      },
      { TableName: 'serving', Key: { pk: 'P#east#p1', sk: 'DECISION#rec-1' } },
    ]);
  });

  it('reads a write back consistently from dynalite, as the embedded stack runs it', async () => {
    // Prepare
    const server = dynalite({ createTableMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const dynamodb = new DynamoDBClient({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      });
      await dynamodb.send(new CreateTableCommand(createTableInput('serving', servingTable)));
      const table = new DynamoDbTable(DynamoDBDocumentClient.from(dynamodb), 'serving');
      const item = { pk: 'P#east#p1', sk: 'DECISION#rec-1', decision: 'accepted' };

      // Act
      const written = await table.putIfAbsent(item);
      const read = await table.get('P#east#p1', 'DECISION#rec-1', { consistent: true });

      // Assess
      expect(written).toBe(true);
      expect(read).toEqual(item);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('Adapter: DynamoDbTable.query consistency', () => {
  const mocked = () => {
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
    const dynamodb = mockClient(documents);
    dynamodb.on(QueryCommand).resolves({ Items: [{ pk: 'P#east#p1', sk: 'DECISION#rec-1' }] });
    return { dynamodb, table: new DynamoDbTable(documents, 'serving') };
  };

  it('sends ConsistentRead: true on the QueryCommand only when a consistent query is asked for', async () => {
    // Prepare
    const { dynamodb, table } = mocked();

    // Act
    const consistent = await table.query({
      partition: 'P#east#p1',
      sortPrefix: 'DECISION#',
      consistent: true,
    });
    await table.query({ partition: 'P#east#p1', sortPrefix: 'DECISION#' });

    // Assess
    expect(consistent.items).toEqual([{ pk: 'P#east#p1', sk: 'DECISION#rec-1' }]);
    const inputs = dynamodb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => i.ConsistentRead)).toEqual([true, undefined]);
    expect(inputs[0]).toMatchObject({
      TableName: 'serving',
      KeyConditionExpression: '#p = :p AND begins_with(#s, :s)',
      ExpressionAttributeValues: { ':p': 'P#east#p1', ':s': 'DECISION#' },
    });
    expect(inputs[1]).not.toHaveProperty('ConsistentRead');
  });

  it('refuses a consistent query of a global secondary index, sending nothing', async () => {
    // Prepare: DynamoDB answers ConsistentRead on a GSI with a ValidationException
    const { dynamodb, table } = mocked();

    // Act
    const failure = table.query({ partition: 'H#east', index: 'byHospital', consistent: true });

    // Assess
    await expect(failure).rejects.toBeInstanceOf(InternalError);
    await expect(failure).rejects.toThrow('byHospital');
    expect(dynamodb.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
