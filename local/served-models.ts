// Local: the embedded stack's side of ServedModels (training/model-lifecycle.ts). The model server
// (training/serve.ts) serves `DATA_DIR/models/{endpoint}/model.json` and reloads an endpoint when
// its model.json changes, so installing a version is writing its files there: each whole (a
// temporary file renamed over it) and model.json last, so the server never reads a new model.json
// beside an old card, nor half a file.
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
