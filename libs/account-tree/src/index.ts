export { AccountTree, type LineageOf, type LineageListener } from './account-tree';
export { AccountTreeModule } from './account-tree.module';
