export { eventTokenConfig, EventTokens, eventTokensProvider } from './event-tokens';
export { isSealed, keyFrom, open, seal, sealingKey } from './sealing';
