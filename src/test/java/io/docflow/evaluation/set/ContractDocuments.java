package io.docflow.evaluation.set;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Agreements of two or three parties, from a one-page NDA to an eight-page services agreement: recitals, numbered
 * clauses, a term (an end date in some), governing law, a contract value in some, and signature blocks.
 */
final class ContractDocuments implements ClassDocuments {

    private static final List<String> TITLES = List.of("Services Agreement", "Non-Disclosure Agreement",
            "Consulting Agreement", "Software Licence Agreement", "Supply Agreement", "Lease Agreement",
            "Maintenance Agreement", "Distribution Agreement");
    private static final List<String> LAWS = List.of("England and Wales", "New York", "Germany", "Ireland",
            "Switzerland", "Ontario", "California", "Scotland", "Belgium");
    private static final List<String> CLAUSES = List.of("Definitions", "Scope of Services", "Obligations of the Supplier",
            "Obligations of the Customer", "Fees and Payment", "Confidentiality", "Intellectual Property",
            "Warranties", "Limitation of Liability", "Indemnity", "Data Protection", "Insurance", "Force Majeure",
            "Assignment and Subcontracting", "Notices", "Dispute Resolution", "Entire Agreement", "Severability",
            "Variation", "Waiver", "Third Party Rights", "Counterparts");
    private static final List<String> SENTENCES = List.of(
            "Each party shall perform its obligations under this Agreement with reasonable skill, care and diligence.",
            "Neither party shall be liable for any indirect or consequential loss arising under or in connection with this Agreement.",
            "The receiving party shall keep the disclosing party's confidential information secret and shall not use it except for the purposes of this Agreement.",
            "Any notice given under this Agreement shall be in writing and delivered by hand, by registered post or by e-mail to the address stated above.",
            "The Supplier shall maintain adequate insurance with a reputable insurer for the duration of this Agreement.",
            "Invoices shall be paid within thirty days of receipt unless disputed in good faith.",
            "All intellectual property rights created in the course of the services shall vest in the party that created them, subject to the licences granted in this clause.",
            "Neither party may assign or transfer any of its rights under this Agreement without the prior written consent of the other party, which shall not be unreasonably withheld.",
            "If any provision of this Agreement is held invalid, the remaining provisions shall continue in full force and effect.",
            "This Agreement constitutes the entire agreement between the parties and supersedes all prior discussions and understandings.",
            "The parties shall attempt in good faith to resolve any dispute through negotiation between senior representatives before commencing proceedings.",
            "Each party shall comply with all applicable data protection laws in relation to personal data processed under this Agreement.",
            "A party affected by a force majeure event shall promptly notify the other party and use reasonable efforts to mitigate its effects.",
            "No variation of this Agreement shall be effective unless it is in writing and signed by authorised representatives of both parties.",
            "The Customer shall provide the Supplier with timely access to its premises, systems and personnel as reasonably required.",
            "Either party may terminate this Agreement by giving not less than ninety days' written notice to the other party.");

    @Override
    public String documentClass() {
        return "contract";
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        String title = shape.onePage() ? "Non-Disclosure Agreement" : pick.one(TITLES);
        boolean upper = pick.chance(0.5);
        String shownTitle = upper ? title.toUpperCase(java.util.Locale.ROOT) : title;
        List<String> parties = new ArrayList<>();
        parties.add(Names.company(pick));
        parties.add(pick.chance(0.8) ? Names.company(pick) : Names.person(pick));
        if (!shape.onePage() && pick.chance(0.15)) {
            parties.add(Names.company(pick));
        }
        DateStyle dates = pick.oneOf(DateStyle.DAY_MONTH_NAME, DateStyle.MONTH_NAME_DAY, DateStyle.ISO,
                DateStyle.DAY_MONTH_NAME, DateStyle.DAY_MONTH_SLASHES);
        LocalDate effective = pick.date();
        LocalDate termination = pick.chance(0.5) ? effective.plusYears(pick.between(1, 5)).minusDays(1) : null;
        String law = pick.one(LAWS);
        boolean lawStated = pick.chance(0.9);
        Money money = Money.any(pick);
        BigDecimal value = !shape.onePage() && pick.chance(0.4)
                ? BigDecimal.valueOf(pick.between(5, 900) * 1000L).setScale(2) : null;
        int clauses = shape.onePage() ? 4 : pick.between(2, 8) * 6;
        int layout = pick.between(0, 1);

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(shownTitle));
        if (dates.hint() != null) {
            blocks.add(ClassDocuments.dateHint(dates));
        }
        if (layout == 0) {
            String between = String.join(", ", parties.subList(0, parties.size() - 1)) + " and " + parties.get(parties.size() - 1);
            blocks.add(new Block.Paragraph("This " + title + " (the \"Agreement\") is made on " + dates.format(effective)
                    + " (the \"Effective Date\") between " + between + " (each a \"Party\" and together the \"Parties\")."));
        } else {
            blocks.add(new Block.Line("Effective Date: " + dates.format(effective), Block.Style.BOLD));
            blocks.add(new Block.Heading("Parties"));
            for (int i = 0; i < parties.size(); i++) {
                blocks.add(new Block.Line("(" + (i + 1) + ") " + parties.get(i) + ", of " + String.join(", ", Names.address(pick))));
            }
        }
        blocks.add(new Block.Heading(pick.oneOf("Background", "Recitals", "Whereas")));
        blocks.add(new Block.Paragraph("The Parties wish to set out the terms on which they will work together. "
                + "In consideration of the mutual promises below, the Parties agree as follows."));
        List<String> headings = new ArrayList<>(CLAUSES);
        int number = 1;
        for (int i = 0; i < clauses; i++) {
            String heading = headings.get(i % headings.size());
            blocks.add(new Block.Heading(number++ + ". " + heading));
            int sentences = shape.onePage() ? 1 : pick.between(2, 5);
            StringBuilder text = new StringBuilder();
            for (String sentence : pick.some(SENTENCES, sentences)) {
                text.append(text.length() == 0 ? "" : " ").append(sentence);
            }
            blocks.add(new Block.Paragraph(text.toString()));
            if (i == 0) {
                blocks.add(new Block.Heading(number++ + ". Term"));
                blocks.add(new Block.Paragraph("This Agreement commences on the Effective Date and "
                        + (termination != null ? "shall continue until " + dates.format(termination) + " unless terminated earlier."
                        : "shall continue until terminated by either Party in accordance with its terms.")));
            }
            if (i == 1 && value != null) {
                blocks.add(new Block.Heading(number++ + ". Contract Value"));
                blocks.add(new Block.Paragraph("The total value of this Agreement is " + money.amount(value)
                        + (money.showsCode() ? "" : " (" + money.code() + ")") + ", payable in instalments as agreed."));
            }
        }
        if (lawStated) {
            blocks.add(new Block.Heading(number + ". Governing Law"));
            blocks.add(new Block.Paragraph("This Agreement and any dispute arising out of it shall be governed by the laws of "
                    + law + "."));
        }
        blocks.add(new Block.Gap());
        blocks.add(new Block.Line("Signed by the Parties on the dates below."));
        for (String party : parties) {
            blocks.add(new Block.Gap());
            blocks.add(new Block.Columns(List.of("For and on behalf of " + party, "Signature: ____________________"),
                    List.of("Name: " + Names.person(pick), "Date: ______________")));
        }

        ObjectNode fields = NODES.objectNode();
        fields.put("title", shownTitle);
        var list = fields.putArray("parties");
        parties.forEach(list::add);
        fields.put("effectiveDate", effective.toString());
        if (termination != null) {
            fields.put("terminationDate", termination.toString());
        }
        if (lawStated) {
            fields.put("governingLaw", law);
        }
        if (value != null) {
            fields.put("contractValue", value);
        }
        PageStyle page = ClassDocuments.page(pick, shape.onePage() ? 10 : 9.5f, shape.onePage() ? 10 : 11).numbered();
        return new Draft(page, blocks, fields);
    }
}
