/**
 * The rules of the cost center and user group forms, checked before sending; the API checks them
 * again. Each problem is the key of the text that explains it.
 */

/** As the API bounds them: a trimmed name, stations as the charging back end names them. */
export const MAX_GROUP_NAME_LENGTH = 100;
export const MAX_STATIONS_PER_GROUP = 100;
const STATION_ID = /^[\x21-\x7e]{1,64}$/;

export function groupNameProblem(name: string): 'nameInvalid' | undefined {
  const length = name.trim().length;
  return length === 0 || length > MAX_GROUP_NAME_LENGTH ? 'nameInvalid' : undefined;
}

/** Station ids as typed: separated by commas, spaces or new lines, each once. */
export function stationList(typed: string): string[] {
  return [...new Set(typed.split(/[\s,]+/).filter((station) => station !== ''))];
}

export function stationsProblem(typed: string): 'stationsInvalid' | undefined {
  const stations = stationList(typed);
  return stations.length <= MAX_STATIONS_PER_GROUP &&
    stations.every((station) => STATION_ID.test(station))
    ? undefined
    : 'stationsInvalid';
}
