// A small client typed by GraphQL Code Generator's output (types.ts, generated beside a
// copy of this file by tests/clients/test_codegen.py) and checked with `tsc --strict`.
// Each @ts-expect-error is an assertion: tsc fails if the line it marks compiles.
import type {
  MentorMatchesQuery,
  MentorMatchesQueryVariables,
  MentorshipRequestState,
  RequestMentorshipMutation,
  RequestMentorshipMutationVariables,
} from './types';

type Result<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

async function send<T, V>(endpoint: string, token: string, query: string, variables: V): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as Result<T>;
  if (result.errors?.length || !result.data) {
    throw new Error(result.errors?.[0]?.extensions?.code ?? 'no data');
  }
  return result.data;
}

export async function bestMentor(endpoint: string, token: string, query: string): Promise<string | null> {
  const variables: MentorMatchesQueryVariables = { first: 1 };
  const data = await send<MentorMatchesQuery, MentorMatchesQueryVariables>(endpoint, token, query, variables);
  const first = data.viewer?.mentorMatches.edges[0]; // viewer is null before sign-up
  // @ts-expect-error the operation does not select the mentor's e-mail
  first?.node.mentor.email;
  return first ? first.node.mentor.key : null;
}

export async function ask(endpoint: string, token: string, query: string, mentor: string): Promise<MentorshipRequestState> {
  const variables: RequestMentorshipMutationVariables = { input: { mentor, goals: ['django'] } };
  // @ts-expect-error an input needs its mentor
  const incomplete: RequestMentorshipMutationVariables = { input: { goals: [] } };
  void incomplete;
  const data = await send<RequestMentorshipMutation, RequestMentorshipMutationVariables>(endpoint, token, query, variables);
  return data.requestMentorship.request.state;
}
