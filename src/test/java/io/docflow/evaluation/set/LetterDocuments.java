package io.docflow.evaluation.set;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Letters: a business letter on letterhead with a subject line, a personal letter with the sender's address at the
 * top, and a formal notice with "Re:"; the sender is the person who signs, the recipient the person addressed.
 */
final class LetterDocuments implements ClassDocuments {

    private record Topic(String subject, List<String> paragraphs) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("Confirmation of your appointment", List.of(
                    "I am writing to confirm your appointment with our advisory team next month. Please bring a form of identification and any documents you would like us to review.",
                    "If you are unable to attend, please let us know at least two working days in advance so that we can offer the time to someone else.")),
            new Topic("Change to your rent", List.of(
                    "Following our annual review, the monthly rent for your property will change from the start of the next quarter. The new amount reflects the increase in maintenance and insurance costs over the past year.",
                    "You do not need to do anything if you pay by standing order, as we will update the amount for you. Please contact us if you have any questions about this change.")),
            new Topic("Offer of employment", List.of(
                    "We are delighted to offer you the position we discussed at your interview. Your contract and a summary of benefits are enclosed with this letter.",
                    "Please sign and return one copy of the contract to confirm your acceptance. We look forward to welcoming you to the team.")),
            new Topic("Complaint about a delayed delivery", List.of(
                    "I ordered a dining table from your company eight weeks ago and was promised delivery within three weeks. Despite several calls to your customer service line, I have not received the table or a new delivery date.",
                    "I would be grateful if you could deliver the table within fourteen days or refund my payment in full.")),
            new Topic("Reference for a former colleague", List.of(
                    "I have known the candidate for six years, four of which we worked together in the same department. Throughout that time I found them reliable, thorough and generous with their time.",
                    "I recommend them without reservation and would be happy to answer any further questions by telephone.")),
            new Topic("Cancellation of membership", List.of(
                    "Please accept this letter as notice that I wish to cancel my membership with effect from the end of this month.",
                    "Kindly confirm the cancellation in writing and stop all further payments from my account.")),
            new Topic("Invitation to our annual open day", List.of(
                    "We would like to invite you to our annual open day, where you can meet our staff, see the new workshop and hear about our plans for the coming year.",
                    "Refreshments will be served throughout the afternoon. Please let us know whether you will be able to attend.")));

    @Override
    public String documentClass() {
        return "letter";
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        int layout = pick.between(0, 2);
        Topic topic = pick.one(TOPICS);
        String sender = Names.person(pick);
        String recipient = Names.person(pick);
        String organisation = Names.company(pick);
        DateStyle dates = pick.oneOf(DateStyle.DAY_MONTH_NAME, DateStyle.MONTH_NAME_DAY, DateStyle.DAY_MONTH_NAME,
                DateStyle.ISO, DateStyle.DAY_SHORT_MONTH);
        LocalDate date = pick.date();
        boolean subjectLine = layout != 1 || pick.chance(0.4);
        String subject = topic.subject() + (pick.chance(0.4) ? " (ref. " + pick.between(1000, 9999) + ")" : "");
        String lastName = recipient.substring(recipient.indexOf(' ') + 1);

        List<Block> blocks = new ArrayList<>();
        if (layout == 1) {
            Names.address(pick).forEach(line -> blocks.add(new Block.Line(line)));
        } else {
            blocks.add(new Block.Title(organisation));
            blocks.add(new Block.Line(String.join(" | ", Names.address(pick)) + " | " + Names.phone(pick)));
        }
        blocks.add(new Block.Gap());
        List<String> to = new ArrayList<>(List.of(recipient));
        if (pick.chance(0.5)) {
            to.add(Names.company(pick));
        }
        to.addAll(Names.address(pick));
        if (layout == 2) {
            blocks.add(new Block.Columns(to, List.of(dates.format(date))));
        } else {
            to.forEach(line -> blocks.add(new Block.Line(line)));
            blocks.add(new Block.Gap());
            blocks.add(new Block.Line(dates.format(date)));
        }
        blocks.add(new Block.Gap());
        blocks.add(new Block.Line("Dear " + pick.oneOf("Ms ", "Mr ", "Dr ") + lastName + ","));
        if (subjectLine) {
            blocks.add(new Block.Line((layout == 2 ? "Re: " : "Subject: ") + subject, Block.Style.BOLD));
        }
        topic.paragraphs().forEach(paragraph -> blocks.add(new Block.Paragraph(paragraph)));
        if (!shape.onePage() && pick.chance(0.3)) {
            for (int i = 0; i < pick.between(3, 9); i++) {
                blocks.add(new Block.Paragraph("For completeness, I have summarised below the points we discussed, "
                        + "so that we both have a written record of what was agreed and what remains open. "
                        + "Point " + (i + 1) + ": the matter remains under review and I will write again once I have heard from the relevant department."));
            }
        }
        blocks.add(new Block.Paragraph(pick.oneOf("Thank you for your attention to this matter.",
                "Please do not hesitate to contact me if you need any further information.")));
        blocks.add(new Block.Line(pick.oneOf("Yours sincerely,", "Kind regards,", "Yours faithfully,", "Best regards,")));
        blocks.add(new Block.Gap());
        blocks.add(new Block.Line(sender, Block.Style.BOLD));
        if (layout != 1) {
            blocks.add(new Block.Line(pick.oneOf("Customer Relations Manager", "Director", "Head of Human Resources",
                    "Property Manager", "Office Manager") + ", " + organisation));
        }

        ObjectNode fields = NODES.objectNode();
        fields.put("sender", sender);
        fields.put("recipient", recipient);
        fields.put("letterDate", date.toString());
        if (subjectLine) {
            fields.put("subject", subject);
        }
        return new Draft(ClassDocuments.page(pick, 10, 12), blocks, fields);
    }
}
