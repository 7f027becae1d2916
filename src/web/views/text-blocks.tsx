/** Stored plain text (summaries, notes) as paragraphs: a blank line parts paragraphs, a newline breaks a line. */
export function TextBlocks(props: { text: string }) {
  const paragraphs = props.text.split(/\n\s*\n/u).map((p) => p.trim()).filter((p) => p.length > 0);
  return (
    <>
      {paragraphs.map((p) => (
        <p>{p.split("\n").flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
      ))}
    </>
  );
}
