import path from 'node:path';

/** Where a service keeps its Prisma schema and migrations, from the repository root. */
export function servicePaths(repositoryRoot: string, service: string) {
  const root = path.join(repositoryRoot, 'services', service);
  return {
    root,
    schemaFile: path.join(root, 'prisma', 'schema.prisma'),
    migrationsDir: path.join(root, 'prisma', 'migrations'),
    prismaCli: path.join(repositoryRoot, 'node_modules', '.bin', 'prisma'),
  };
}
