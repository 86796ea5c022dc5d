// The peer of bench/bench_peer.py: what a team would pick instead of mentorgraph.
// @neo4j/graphql generates the schema and one Cypher statement per operation from the type
// definitions below; Apollo's standalone server serves it over HTTP at /graphql.
//
//   PEER_RANKING=ranking.json PEER_PORT=8734 NEO4J_URI=bolt://127.0.0.1:7724 node server.mjs
//
// Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (as our API reads them);
// PEER_PORT; PEER_PROCESSES (1: one process; more: Node's cluster, one Apollo per process on
// the shared port); PEER_RANKING, a JSON file {statement, parameters} that bench_peer.py
// writes from graph.registry and graph.ranking.matches.match_parameters: the forwards text of
// OUR queries/ranking/mentor_matches.cypher and its default parameters, so both sides run
// the same statement with the same weights. The process prints "listening <url>" once ready.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const processes = Number(process.env.PEER_PROCESSES ?? "1");
const port = Number(process.env.PEER_PORT ?? "8734");

// The statement's parameters as field arguments: GraphQL type, default from our side.
const RANKING_ARGUMENTS = {
  menteeKey: "String!",
  socialWeight: "Float!",
  skillWeight: "Float!",
  employerWeight: "Float!",
  availabilityWeight: "Float!",
  acceptanceWeight: "Float!",
  completionWeight: "Float!",
  ratingWeight: "Float!",
  thirdHopDecay: "Float!",
  skillDecay: "Float!",
  hubDegreeCap: "Int!",
  skills: "[String!]",
  outsideMyEmployer: "Boolean!",
  language: "String",
  minScore: "Float!",
  programme: "String",
  first: "Int!",
  after: "ScoreKey",
  before: "ScoreKey",
};

function literal(value, type) {
  if (value === null) return "null";
  if (type.startsWith("Float")) return Number.isInteger(value) ? `${value}.0` : String(value);
  return JSON.stringify(value);
}

function typeDefinitions({ statement, parameters }) {
  // A parameter without an argument would reach the statement unset: refuse to start.
  const unknown = Object.keys(parameters).filter((name) => !(name in RANKING_ARGUMENTS));
  if (unknown.length > 0) throw new Error(`no GraphQL argument for parameters ${unknown}`);
  const args = Object.entries(RANKING_ARGUMENTS).map(([name, type]) =>
    name in parameters && name !== "menteeKey"
      ? `${name}: ${type} = ${literal(parameters[name], type)}`
      : `${name}: ${type}`,
  );
  // Our statement returns one row (found, matches: up to first + 1 maps, best first); the
  // field is the page itself, as our API's edges are.
  const ranking = `CALL () {\n${statement}\n}\nUNWIND matches[0..$first] AS match\nRETURN match`;
  return `#graphql
    type Person @node {
      key: String!
      name: String!
      headline: String
      location: String
      languages: [String!]
      openToMentor: Boolean
      seekingMentor: Boolean
      mentorCapacity: Int
      visibility: String
      skills: [Skill!]! @relationship(type: "HAS_SKILL", direction: OUT, properties: "HasSkill")
      employers: [Employer!]!
        @relationship(type: "WORKS_AT", direction: OUT, properties: "WorksAt")
      knows: [Person!]! @relationship(type: "KNOWS", direction: OUT, queryDirection: UNDIRECTED)
    }
    type HasSkill @relationshipProperties {
      level: Int
      years: Int
    }
    type WorksAt @relationshipProperties {
      title: String
      since: Date
      until: Date
    }
    type Skill @node {
      key: String!
      name: String!
      domain: String
    }
    type Employer @node {
      key: String!
      name: String!
      industry: String
    }
    type MentorMatch {
      key: String!
      score: Float!
    }
    input ScoreKey {
      score: Float!
      key: String!
    }
    type Query {
      mentorMatches(${args.join(", ")}): [MentorMatch!]!
        @cypher(statement: ${JSON.stringify(ranking)}, columnName: "match")
    }
  `;
}

async function serve() {
  const ranking = JSON.parse(readFileSync(process.env.PEER_RANKING, "utf8"));
  const driver = neo4j.driver(
    process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
  );
  const database = process.env.NEO4J_DATABASE ?? "neo4j";
  // A screen pages by key as ours does (strictly after a key): string comparisons are a
  // feature to turn on.
  const features = { filters: { String: { GT: true } } };
  const typeDefs = typeDefinitions(ranking);
  const schema = await new Neo4jGraphQL({ typeDefs, driver, features }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port },
    context: async () => ({ sessionConfig: { database } }),
  });
  return url;
}

if (processes > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < processes; i += 1) {
    cluster.fork().on("message", (url) => {
      ready += 1;
      if (ready === processes) console.log(`listening ${url}`);
    });
  }
  cluster.on("exit", (worker, code) => {
    console.error(`peer process ${worker.process.pid} exited with ${code}`);
    process.exit(1);
  });
} else {
  const url = await serve();
  if (cluster.isWorker) process.send(url);
  else console.log(`listening ${url}`);
}
