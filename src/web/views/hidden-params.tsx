/**
 * The parameters a form does not show, carried along as hidden fields, so that sending the form changes what it
 * shows and keeps the rest: the sidebar keeps an advanced search's creator and kudos range, say. A new form
 * starts again at the first page.
 */
export function HiddenParams(props: { params: URLSearchParams; shown: ReadonlySet<string> }) {
  const kept = [...props.params].filter(([name, value]) => !props.shown.has(name) && name !== "page" && value.trim() !== "");
  return <>{kept.map(([name, value]) => <input type="hidden" name={name} value={value} />)}</>;
}
