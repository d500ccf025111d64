export { AccountTree, type LineageOf, type MovedListener } from './account-tree';
export { AccountTreeModule } from './account-tree.module';
