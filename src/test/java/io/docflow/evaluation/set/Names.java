package io.docflow.evaluation.set;

import java.util.List;
import java.util.Locale;

/** Made-up people, companies, addresses and contact details. */
final class Names {

    private static final List<String> FIRST = List.of("Anna", "Ben", "Chloé", "David", "Elena", "Farid", "Grace",
            "Hugo", "Ingrid", "James", "Keiko", "Liam", "Maria", "Noah", "Olga", "Pedro", "Priya", "Quentin", "Rosa",
            "Samuel", "Tomás", "Ursula", "Victor", "Wen", "Yusuf", "Zoe", "Marta", "Jonas", "Aisha", "Lukas");
    private static final List<String> LAST = List.of("Andersen", "Baker", "Costa", "Dubois", "Evans", "Fischer",
            "García", "Hughes", "Ivanova", "Jensen", "Kowalski", "Lambert", "Müller", "Nakamura", "O'Brien", "Patel",
            "Quinn", "Rossi", "Schmidt", "Turner", "Ulrich", "Varga", "Walsh", "Yilmaz", "Zhang", "Moreau", "Novak");
    private static final List<String> STEMS = List.of("Acme", "Northwind", "Bluebird", "Crestline", "Harbour",
            "Meridian", "Oakfield", "Pinnacle", "Riverside", "Silverline", "Summit", "Trident", "Vertex", "Westbrook",
            "Alder", "Beacon", "Cobalt", "Driftwood", "Evergreen", "Foxglove", "Granite", "Helix", "Ironbridge",
            "Juniper", "Kestrel", "Lighthouse", "Marlow", "Nimbus", "Orchard", "Quayside");
    private static final List<String> TRADES = List.of("Supplies", "Consulting", "Logistics", "Software", "Print",
            "Engineering", "Office Solutions", "Catering", "Facilities", "Media", "Analytics", "Electrical",
            "Design Studio", "Freight", "Labs");
    private static final List<String> SUFFIXES = List.of("Ltd", "GmbH", "Inc.", "LLC", "S.A.", "B.V.", "Ltd.", "AG",
            "Co.", "Limited", "SARL", "Pty Ltd");
    private static final List<String> STREETS = List.of("High Street", "Station Road", "Market Square", "Mill Lane",
            "Kingsway", "Church Street", "Harbour Road", "Park Avenue", "Elm Street", "Bahnhofstrasse",
            "Rue de la Paix", "Keizersgracht", "Via Roma", "Oak Drive", "Queen Street");
    private static final List<String> CITIES = List.of("London EC1A 1BB", "Manchester M1 2AB", "Dublin D02 X285",
            "10115 Berlin", "75002 Paris", "1015 CS Amsterdam", "00184 Roma", "8001 Zürich", "Boston, MA 02110",
            "Austin, TX 78701", "Toronto, ON M5H 2N2", "Sydney NSW 2000", "Edinburgh EH1 1YZ", "80331 München");

    private Names() {
    }

    static String person(Pick pick) {
        return pick.one(FIRST) + " " + pick.one(LAST);
    }

    static String company(Pick pick) {
        return pick.one(STEMS) + " " + pick.one(TRADES) + " " + pick.one(SUFFIXES);
    }

    /** A brand without a legal form, as shops and banks print it. */
    static String brand(Pick pick) {
        return pick.one(STEMS);
    }

    static List<String> address(Pick pick) {
        return List.of(pick.between(1, 220) + " " + pick.one(STREETS), pick.one(CITIES));
    }

    static String email(String person, String domain) {
        String plain = java.text.Normalizer.normalize(person, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("'", "").toLowerCase(Locale.ROOT);
        String[] parts = plain.split(" ");
        return parts[0] + "." + parts[parts.length - 1] + "@" + domain;
    }

    static String phone(Pick pick) {
        return pick.oneOf("+44 20 ", "+49 30 ", "+1 617 ", "+33 1 ", "+31 20 ", "+41 44 ") + pick.between(100, 999)
                + " " + pick.between(1000, 9999);
    }

    static String domain(String company) {
        return company.split(" ")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
    }
}
