import type { PageContext } from "../page-context.js";
import { Layout } from "./layout.js";

export function ErrorPage(props: { page: PageContext; title: string; message: string }) {
  return (
    <Layout page={props.page} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p><a href="/">Home</a> · <a href="/works">All works</a></p>
    </Layout>
  );
}
