// Local: the embedded stack's side of ServedModels (training/model-lifecycle.ts). The model server
// (training/serve.ts) serves `DATA_DIR/models/{endpoint}/model.json` and reloads an endpoint when
// its model.json changes, so installing a version is writing its files there: each whole (a
// temporary file renamed over it) and model.json last, so the server never reads a new model.json
// beside an old card, nor half a file. The stack's API learns of a promoted endpoint the same way:
// discoveringModelEndpoints reads the folders.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../shared/domain/errors';
import { endpointNamePattern, modelFileName } from '../training/model-format';
import {
  modelVersionFiles,
  type ModelFiles,
  type ModelVersionFile,
  type ServedModels,
} from '../training/model-lifecycle';

export function localServedModels(modelDir: string): ServedModels {
  const folderOf = (name: string) => {
    if (!endpointNamePattern.test(name))
      throw new ValidationError(`"${name}" is not an endpoint name`, 'name');
    return join(modelDir, name);
  };
  return {
    async install(name: string, files: ModelFiles): Promise<void> {
      const dir = folderOf(name);
      await mkdir(dir, { recursive: true });
      const order: ModelVersionFile[] = [
        ...modelVersionFiles.filter((f) => f !== modelFileName),
        modelFileName,
      ];
      for (const file of order) {
        const body = files[file];
        const path = join(dir, file);
        if (body === undefined) {
          // The card of the version before must not pass for this one's.
          await rm(path, { force: true });
          continue;
        }
        await writeFile(`${path}.tmp`, body);
        await rename(`${path}.tmp`, path);
      }
    },
    async servedModelJson(name: string): Promise<string | undefined> {
      return readFile(join(folderOf(name), modelFileName), 'utf8').catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        },
      );
    },
  };
}

/**
 * The models the embedded stack's API serves (its CAREGRAPH_MODEL_ENDPOINTS): the configured ones
 * (`start --models`, in their order, the first the default), then every other endpoint folder of
 * `modelDir` that holds a model.json, under the folder's name, in name order: one `caregraph models
 * promote` installed, or `train --out` wrote there. The folders are read at each use, so an endpoint
 * promoted while the stack runs is served from its next request, as the model server
 * (training/serve.ts, discoverModels) serves it, without a restart. A folder already configured
 * under another name (`--models risk=cvd-risk`) is served under that name only.
 */
export function discoveringModelEndpoints(
  configured: ReadonlyMap<string, string>,
  modelDir: string,
): ReadonlyMap<string, string> {
  return new DiscoveringModelEndpoints(configured, modelDir);
}

class DiscoveringModelEndpoints implements ReadonlyMap<string, string> {
  constructor(
    private readonly configured: ReadonlyMap<string, string>,
    private readonly modelDir: string,
  ) {}

  private current(): Map<string, string> {
    const models = new Map(this.configured);
    const endpoints = new Set(this.configured.values());
    let folders: string[];
    try {
      folders = readdirSync(this.modelDir).sort();
    } catch {
      return models;
    }
    for (const folder of folders) {
      if (models.has(folder) || endpoints.has(folder) || !endpointNamePattern.test(folder))
        continue;
      if (existsSync(join(this.modelDir, folder, modelFileName))) models.set(folder, folder);
    }
    return models;
  }

  get size() {
    return this.current().size;
  }
  get(name: string) {
    return this.current().get(name);
  }
  has(name: string) {
    return this.current().has(name);
  }
  forEach(
    callback: (endpoint: string, name: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown,
  ) {
    for (const [name, endpoint] of this.current()) callback.call(thisArg, endpoint, name, this);
  }
  entries() {
    return this.current().entries();
  }
  keys() {
    return this.current().keys();
  }
  values() {
    return this.current().values();
  }
  [Symbol.iterator]() {
    return this.current()[Symbol.iterator]();
  }
}
