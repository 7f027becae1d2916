/** A moment (an ISO timestamp) as the community's pages show it: the date and time in UTC, machine-readable too. */
export function Timestamp(props: { at: string }) {
  const shown = `${props.at.slice(0, 10)} ${props.at.slice(11, 16)} UTC`;
  return <time datetime={props.at}>{shown}</time>;
}
