/// The words generated records are made of. Some are non-ASCII and some contain `/`, `&` or quotes, so every
/// page exercises the JavaScript-exact serialization a Unified receiver re-computes signatures over.
enum SandboxVocabulary {
    static let firstNames = [
        "Ada", "José", "Zoë", "Łukasz", "Søren", "Chloé", "Grace", "Alan", "Margaret", "Dennis", "Ines", "Jürgen",
        "Amélie", "Björn", "Siobhán", "Nguyễn", "美咲", "Олена", "Ana María", "D'Arcy",
    ]
    static let lastNames = [
        "Lovelace", "Álvarez", "Šimůnek", "Kowalski", "Kierkegaard", "Dubois", "Hopper", "Turing", "Hamilton",
        "Ritchie", "Müller", "Núñez", "O'Brien", "渡辺", "Шевченко", "Ørsted", "García-López", "Smith",
    ]
    static let titles = [
        "VP Sales/Marketing", "Head of R&D", "Directrice générale", "CTO", "Account Executive", "Engineer",
        "Customer Success \"Champion\"", "Geschäftsführer", "Ops / Finance", "Data Scientist",
    ]
    static let companyStems = [
        "Acme", "Müller & Söhne", "Ærøskøbing Tech", "Globex", "Initech", "Umbrella", "株式会社サンプル", "Hooli",
        "Stark/Wayne", "Zürich Analytics", "Soylent", "Vandelay", "Čapek Robotics", "Łódź Logistics",
    ]
    static let companySuffixes = ["Inc.", "GmbH", "AS", "Ltd", "SA", "KK", "LLC", "S.à r.l."]
    static let domains = ["example.com", "example.org", "example.net", "test.example"]
    static let industries = ["Software", "Manufacturing", "Retail", "Finance/Insurance", "Health & Care", "Logistics"]
    static let stages = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "contractsent", "closedwon", "closedlost"]
    static let currencies = ["EUR", "USD", "GBP", "JPY", "CHF"]
}
