"""The hand-written skill taxonomy, as text: domains and their skills, paths, relations.

`SKILLS`: a `## Domain` line, then one skill a line as `key | Name`.
`PATHS`: learning paths, `a > b > c` (each `>` is one `LEADS_TO` step).
`RELATED`: `a ~ b weight` (an undirected `RELATED_TO`, weight in (0, 1]).
Parsed and checked by `graph.taxonomy`.
"""

from __future__ import annotations

SKILLS = """
## Programming
python | Python
java | Java
javascript | JavaScript
typescript | TypeScript
go | Go
rust | Rust
c | C
cpp | C++
csharp | C#
kotlin | Kotlin
swift | Swift
scala | Scala
sql | SQL
bash | Shell scripting
functional-programming | Functional programming
algorithms | Algorithms and data structures
concurrency | Concurrency
## Software engineering
git | Git
testing | Software testing
code-review | Code review
clean-code | Clean code
design-patterns | Design patterns
software-architecture | Software architecture
distributed-systems | Distributed systems
microservices | Microservices
api-design | API design
domain-driven-design | Domain-driven design
performance-engineering | Performance engineering
technical-writing | Technical writing
open-source | Open-source maintenance
## Web
html-css | HTML and CSS
react | React
vue | Vue.js
angular | Angular
nodejs | Node.js
django | Django
fastapi | FastAPI
spring | Spring
graphql | GraphQL
rest | REST APIs
web-performance | Web performance
accessibility | Web accessibility
frontend-architecture | Frontend architecture
## Mobile
android | Android development
ios | iOS development
react-native | React Native
flutter | Flutter
mobile-ux | Mobile UX
app-store-optimization | App store optimisation
## Data
statistics | Statistics
data-analysis | Data analysis
pandas | pandas
excel | Spreadsheets
data-visualization | Data visualisation
data-engineering | Data engineering
etl | ETL pipelines
spark | Apache Spark
data-warehousing | Data warehousing
dbt | dbt
bi-dashboards | BI dashboards
experimentation | A/B testing and experimentation
databases | Relational databases
graph-databases | Graph databases
## Machine learning
linear-algebra | Linear algebra
probability | Probability
machine-learning | Machine learning
deep-learning | Deep learning
nlp | Natural language processing
computer-vision | Computer vision
reinforcement-learning | Reinforcement learning
mlops | MLOps
recommender-systems | Recommender systems
llm-applications | LLM applications
time-series | Time-series forecasting
causal-inference | Causal inference
## Infrastructure
linux | Linux
networking | Networking
docker | Docker
kubernetes | Kubernetes
terraform | Terraform
aws | AWS
gcp | Google Cloud
azure | Azure
ci-cd | CI/CD
observability | Observability
site-reliability | Site reliability engineering
cloud-architecture | Cloud architecture
platform-engineering | Platform engineering
## Security
security-fundamentals | Security fundamentals
cryptography | Cryptography
application-security | Application security
network-security | Network security
penetration-testing | Penetration testing
incident-response | Incident response
identity-access | Identity and access management
threat-modeling | Threat modelling
compliance | Security compliance
## Embedded and hardware
electronics | Electronics
embedded-systems | Embedded systems
rtos | Real-time operating systems
fpga | FPGA design
iot | Internet of Things
robotics | Robotics
signal-processing | Signal processing
## Product and design
user-research | User research
ux-design | UX design
ui-design | UI design
figma | Figma
design-systems | Design systems
prototyping | Prototyping
product-discovery | Product discovery
product-management | Product management
roadmapping | Roadmapping
product-analytics | Product analytics
product-strategy | Product strategy
## Leadership
communication | Communication
public-speaking | Public speaking
feedback | Giving feedback
mentoring | Mentoring
team-leadership | Team leadership
hiring | Hiring and interviewing
people-management | People management
engineering-management | Engineering management
stakeholder-management | Stakeholder management
negotiation | Negotiation
strategy | Strategy
organizational-design | Organisational design
coaching | Coaching
agile | Agile practices
project-management | Project management
## Business and finance
accounting | Accounting
financial-modeling | Financial modelling
corporate-finance | Corporate finance
budgeting | Budgeting
business-analysis | Business analysis
operations | Operations
supply-chain | Supply chain
entrepreneurship | Entrepreneurship
fundraising | Fundraising
economics | Economics
risk-management | Risk management
## Marketing and sales
copywriting | Copywriting
content-marketing | Content marketing
seo | SEO
growth-marketing | Growth marketing
marketing-analytics | Marketing analytics
brand-strategy | Brand strategy
social-media | Social media marketing
sales | Sales
account-management | Account management
customer-success | Customer success
## Healthcare and science
biology | Biology
bioinformatics | Bioinformatics
clinical-research | Clinical research
epidemiology | Epidemiology
chemistry | Chemistry
lab-automation | Lab automation
regulatory-affairs | Regulatory affairs
"""

PATHS = """
python > statistics > machine-learning > deep-learning > computer-vision
python > pandas > data-analysis > data-visualization
excel > data-analysis > statistics > experimentation > causal-inference
probability > statistics > causal-inference
linear-algebra > machine-learning > reinforcement-learning
deep-learning > nlp > llm-applications
python > llm-applications
machine-learning > mlops
machine-learning > recommender-systems
statistics > time-series
sql > databases > data-warehousing > dbt
sql > data-engineering > etl > spark
python > data-engineering
data-warehousing > bi-dashboards
databases > graph-databases
docker > mlops
product-analytics > experimentation
data-analysis > product-analytics
data-analysis > bi-dashboards
bash > linux > docker > kubernetes > platform-engineering
linux > networking > network-security
git > ci-cd > site-reliability
kubernetes > site-reliability
observability > site-reliability
aws > cloud-architecture
gcp > cloud-architecture
azure > cloud-architecture
terraform > cloud-architecture > platform-engineering
docker > terraform
linux > observability
java > spring > microservices
python > django
python > fastapi > microservices
javascript > typescript > frontend-architecture
html-css > javascript > react > frontend-architecture
javascript > vue
typescript > angular
javascript > nodejs > graphql
rest > graphql
rest > api-design
react > react-native
web-performance > frontend-architecture
html-css > accessibility
html-css > web-performance
kotlin > android
java > kotlin
swift > ios
mobile-ux > app-store-optimization
flutter > mobile-ux
react-native > mobile-ux
c > cpp > performance-engineering
c > embedded-systems > rtos
electronics > embedded-systems > iot
electronics > fpga
signal-processing > fpga
embedded-systems > robotics
linear-algebra > signal-processing
computer-vision > robotics
go > distributed-systems
rust > performance-engineering
algorithms > concurrency > distributed-systems
algorithms > functional-programming
scala > functional-programming
scala > spark
testing > clean-code > design-patterns > software-architecture > distributed-systems
code-review > clean-code
software-architecture > microservices
software-architecture > domain-driven-design
api-design > software-architecture
technical-writing > open-source
git > open-source
git > code-review
security-fundamentals > application-security > penetration-testing
security-fundamentals > network-security > incident-response
security-fundamentals > cryptography
security-fundamentals > identity-access
application-security > threat-modeling
threat-modeling > compliance
user-research > ux-design > ui-design > design-systems
figma > ui-design
figma > prototyping
ux-design > prototyping
user-research > product-discovery > product-management > product-strategy
product-management > roadmapping > product-strategy
product-analytics > product-management
communication > public-speaking
communication > feedback > mentoring > coaching
feedback > team-leadership > people-management > engineering-management > organizational-design
hiring > people-management
communication > stakeholder-management > negotiation
project-management > agile
project-management > stakeholder-management
strategy > organizational-design
product-strategy > strategy
accounting > budgeting > financial-modeling > corporate-finance
excel > financial-modeling
economics > corporate-finance
business-analysis > operations > supply-chain
business-analysis > strategy
entrepreneurship > fundraising
financial-modeling > fundraising
risk-management > compliance
corporate-finance > risk-management
copywriting > content-marketing > seo > growth-marketing
social-media > content-marketing
marketing-analytics > growth-marketing
data-analysis > marketing-analytics
brand-strategy > strategy
sales > account-management > customer-success
sales > negotiation
biology > bioinformatics
python > bioinformatics
statistics > epidemiology > clinical-research > regulatory-affairs
biology > clinical-research
chemistry > lab-automation
python > lab-automation
"""

RELATED = """
python ~ pandas 0.9
python ~ django 0.8
python ~ fastapi 0.8
java ~ kotlin 0.9
java ~ scala 0.7
java ~ csharp 0.8
javascript ~ typescript 0.95
javascript ~ nodejs 0.85
typescript ~ react 0.7
react ~ vue 0.7
react ~ angular 0.6
c ~ cpp 0.9
cpp ~ rust 0.7
go ~ rust 0.5
go ~ kubernetes 0.5
swift ~ kotlin 0.5
android ~ ios 0.6
flutter ~ react-native 0.8
sql ~ databases 0.9
sql ~ pandas 0.6
statistics ~ probability 0.95
machine-learning ~ statistics 0.8
machine-learning ~ deep-learning 0.9
nlp ~ llm-applications 0.9
computer-vision ~ deep-learning 0.85
data-engineering ~ etl 0.9
spark ~ data-engineering 0.8
dbt ~ data-engineering 0.7
data-visualization ~ bi-dashboards 0.85
data-analysis ~ excel 0.6
experimentation ~ causal-inference 0.8
docker ~ kubernetes 0.9
aws ~ gcp 0.8
aws ~ azure 0.8
gcp ~ azure 0.8
terraform ~ kubernetes 0.6
observability ~ incident-response 0.6
site-reliability ~ platform-engineering 0.8
ci-cd ~ testing 0.6
microservices ~ distributed-systems 0.85
api-design ~ rest 0.9
graphql ~ api-design 0.8
design-patterns ~ domain-driven-design 0.6
performance-engineering ~ web-performance 0.5
concurrency ~ performance-engineering 0.6
cryptography ~ identity-access 0.5
penetration-testing ~ threat-modeling 0.7
network-security ~ networking 0.8
compliance ~ regulatory-affairs 0.5
embedded-systems ~ iot 0.8
fpga ~ electronics 0.8
robotics ~ reinforcement-learning 0.5
signal-processing ~ computer-vision 0.4
ux-design ~ mobile-ux 0.8
ui-design ~ design-systems 0.85
figma ~ design-systems 0.7
user-research ~ product-discovery 0.85
product-management ~ project-management 0.6
product-analytics ~ marketing-analytics 0.6
product-strategy ~ brand-strategy 0.5
mentoring ~ coaching 0.9
team-leadership ~ engineering-management 0.8
people-management ~ coaching 0.7
public-speaking ~ communication 0.8
negotiation ~ sales 0.7
agile ~ project-management 0.8
stakeholder-management ~ account-management 0.5
accounting ~ budgeting 0.85
financial-modeling ~ corporate-finance 0.9
business-analysis ~ data-analysis 0.6
entrepreneurship ~ product-strategy 0.5
supply-chain ~ operations 0.9
seo ~ content-marketing 0.8
growth-marketing ~ experimentation 0.6
social-media ~ brand-strategy 0.6
copywriting ~ technical-writing 0.6
customer-success ~ account-management 0.85
bioinformatics ~ data-analysis 0.5
epidemiology ~ statistics 0.8
chemistry ~ biology 0.6
lab-automation ~ robotics 0.4
recommender-systems ~ graph-databases 0.4
mlops ~ ci-cd 0.5
llm-applications ~ api-design 0.4
"""
