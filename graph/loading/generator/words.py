"""Word lists of the synthetic generator: names, cities, schools, industries, employers."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Ada Alan Amara Ana Andre Anika Arjun Aya Beatriz Bruno Camila Carlos Chen Chloe Dana "
    "Daniel David Diego Elena Emeka Emma Eva Farah Felix Fatima Grace Hana Hugo Ines Ivan "
    "Jamal Jana Javier Jonas Julia Kai Kenji Laila Lars Leo Lucia Luis Maya Mei Mateo Mila "
    "Nadia Nia Noah Nora Omar Oscar Priya Rafael Ravi Rosa Sami Sara Sofia Tariq Tomas Uma "
    "Valentina Wei Yara Yusuf Zara Zoe"
)

LAST_NAMES = _words(
    "Abe Adeyemi Almeida Andersen Bauer Becker Costa Cruz Dubois Eriksen Fernandes Fischer "
    "Garcia Gomez Gupta Haddad Hansen Ito Ivanova Jensen Kim Kowalski Kumar Larsen Lee "
    "Lopez Martin Mendes Moreau Muller Nakamura Nguyen Novak Okafor Olsen Park Patel "
    "Pereira Petrov Rossi Santos Schmidt Silva Singh Sousa Suzuki Tanaka Torres Visser "
    "Wagner Wang Weber Yilmaz Zhang"
)

CITIES = (
    "Lisbon",
    "Porto",
    "Madrid",
    "Barcelona",
    "Paris",
    "Lyon",
    "Berlin",
    "Munich",
    "Hamburg",
    "Amsterdam",
    "Rotterdam",
    "Brussels",
    "London",
    "Manchester",
    "Dublin",
    "Edinburgh",
    "Copenhagen",
    "Stockholm",
    "Oslo",
    "Helsinki",
    "Warsaw",
    "Prague",
    "Vienna",
    "Zurich",
    "Milan",
    "Rome",
    "Athens",
    "Istanbul",
    "Toronto",
    "Montreal",
    "New York",
    "Boston",
    "Chicago",
    "Austin",
    "Seattle",
    "San Francisco",
    "Sao Paulo",
    "Mexico City",
    "Lagos",
    "Nairobi",
    "Bangalore",
    "Singapore",
    "Tokyo",
    "Seoul",
    "Sydney",
)

LANGUAGES = _words(
    "Spanish French German Portuguese Italian Dutch Polish Mandarin Japanese Korean Hindi "
    "Arabic Turkish Swedish Swahili"
)

# industry → (skill domains people there work in, most common first; employer name words)
INDUSTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Software": (
        ("Programming", "Software engineering", "Web", "Infrastructure", "Product and design"),
        ("Labs", "Software", "Systems", "Cloud", "Code", "Stack", "Works"),
    ),
    "Data and AI": (
        ("Data", "Machine learning", "Programming", "Infrastructure"),
        ("Analytics", "AI", "Data", "Insights", "Intelligence", "Metrics"),
    ),
    "Finance": (
        ("Business and finance", "Data", "Security", "Programming"),
        ("Capital", "Bank", "Finance", "Partners", "Securities", "Payments"),
    ),
    "Healthcare": (
        ("Healthcare and science", "Data", "Business and finance", "Leadership"),
        ("Health", "Care", "Clinic", "Medical", "Therapeutics", "Bio"),
    ),
    "Retail and e-commerce": (
        ("Marketing and sales", "Business and finance", "Web", "Data"),
        ("Retail", "Market", "Store", "Commerce", "Goods", "Outlet"),
    ),
    "Consulting": (
        ("Leadership", "Business and finance", "Data", "Product and design"),
        ("Consulting", "Advisory", "Group", "Associates", "Strategy"),
    ),
    "Media and marketing": (
        ("Marketing and sales", "Product and design", "Web", "Leadership"),
        ("Media", "Studio", "Agency", "Creative", "Digital", "Content"),
    ),
    "Hardware and robotics": (
        ("Embedded and hardware", "Programming", "Machine learning", "Software engineering"),
        ("Robotics", "Devices", "Electronics", "Instruments", "Machines"),
    ),
    "Telecommunications": (
        ("Infrastructure", "Security", "Embedded and hardware", "Software engineering"),
        ("Telecom", "Networks", "Mobile", "Connect", "Wireless"),
    ),
    "Cybersecurity": (
        ("Security", "Infrastructure", "Programming", "Software engineering"),
        ("Security", "Shield", "Defense", "Guard", "Trust"),
    ),
    "Mobile apps and games": (
        ("Mobile", "Programming", "Product and design", "Web"),
        ("Games", "Apps", "Play", "Interactive", "Mobile"),
    ),
    "Logistics": (
        ("Business and finance", "Data", "Leadership", "Infrastructure"),
        ("Logistics", "Freight", "Transport", "Shipping", "Supply"),
    ),
    "Education": (
        ("Leadership", "Product and design", "Web", "Marketing and sales"),
        ("Learning", "Academy", "Education", "Tutors", "Schools"),
    ),
}

EMPLOYER_WORDS = _words(
    "Acme Apex Aurora Beacon Blue Bright Cedar Cobalt Crescent Delta Ember Evergreen Falcon "
    "Granite Harbor Horizon Indigo Iron Juniper Keystone Lumen Maple Meridian Nimbus North "
    "Nova Oak Orbit Pioneer Quartz Redwood River Sage Silver Solar Summit Tidal True Vertex "
    "Willow Zenith"
)

SCHOOL_KINDS = ("University of {}", "{} Institute of Technology", "{} School of Business")

TITLES = {
    "Programming": ("Software Engineer", "Developer", "Senior Software Engineer"),
    "Software engineering": ("Software Engineer", "Staff Engineer", "Architect"),
    "Web": ("Frontend Engineer", "Full-stack Developer", "Web Developer"),
    "Mobile": ("Mobile Engineer", "iOS Developer", "Android Developer"),
    "Data": ("Data Analyst", "Data Engineer", "Analytics Engineer"),
    "Machine learning": ("Data Scientist", "ML Engineer", "Research Scientist"),
    "Infrastructure": ("DevOps Engineer", "SRE", "Platform Engineer"),
    "Security": ("Security Engineer", "Security Analyst", "Penetration Tester"),
    "Embedded and hardware": ("Embedded Engineer", "Hardware Engineer", "Robotics Engineer"),
    "Product and design": ("Product Designer", "Product Manager", "UX Researcher"),
    "Leadership": ("Team Lead", "Engineering Manager", "Director"),
    "Business and finance": ("Financial Analyst", "Business Analyst", "Controller"),
    "Marketing and sales": ("Marketing Manager", "Account Executive", "Growth Lead"),
    "Healthcare and science": ("Research Associate", "Bioinformatician", "Clinical Scientist"),
}
