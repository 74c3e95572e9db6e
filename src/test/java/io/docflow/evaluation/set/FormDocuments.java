package io.docflow.evaluation.set;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Filled-in forms: labelled entries one per line or in two columns, tick boxes, and a signature line that is signed
 * (the name in italics, as a hand would write it) or left blank.
 */
final class FormDocuments implements ClassDocuments {

    private static final List<String> TITLES = List.of("Membership Application Form", "Change of Address Form",
            "Parking Permit Application", "Patient Registration Form", "Expense Claim Form", "Library Card Application",
            "Volunteer Registration Form", "Leave Request Form", "Direct Debit Instruction", "Equipment Loan Request");
    private static final List<String> QUESTIONS = List.of("Have you been a member before?", "Do you consent to e-mail updates?",
            "Do you require step-free access?", "Is this a permanent change?", "Do you hold a valid driving licence?",
            "Have you read the terms and conditions?");

    @Override
    public String documentClass() {
        return "form";
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        String title = pick.one(TITLES);
        String applicant = Names.person(pick);
        DateStyle dates = pick.oneOf(DateStyle.ISO, DateStyle.DAY_MONTH_SLASHES, DateStyle.MONTH_DAY_SLASHES,
                DateStyle.DAY_MONTH_NAME, DateStyle.DAY_MONTH_DOTS);
        LocalDate date = pick.date();
        LocalDate born = LocalDate.of(pick.between(1950, 2004), pick.between(1, 12), pick.between(1, 28));
        boolean signed = pick.chance(0.7);
        boolean dated = pick.chance(0.9);
        int layout = pick.between(0, 2);
        String nameLabel = pick.oneOf("Full name: ", "Name of applicant: ", "Applicant: ", "Name: ");
        List<String> address = Names.address(pick);
        String reference = "Form " + pick.oneOf("A", "B", "PR", "HR") + "-" + pick.between(10, 99) + " (rev. " + pick.between(1, 9) + ")";

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Line(Names.brand(pick) + pick.oneOf(" City Council", " Health Centre", " Sports Club",
                " Public Library", " Housing Association"), Block.Style.BOLD));
        blocks.add(new Block.Title(title));
        blocks.add(new Block.Line(reference + ". Please complete in BLOCK CAPITALS where possible.", Block.Style.ITALIC));
        if (dates.hint() != null) {
            blocks.add(ClassDocuments.dateHint(dates));
        }
        blocks.add(new Block.Heading(pick.oneOf("Section 1: Your details", "Personal details", "Applicant")));
        List<String> details = new ArrayList<>(List.of(nameLabel + applicant, "Date of birth: " + dates.format(born),
                "Address: " + address.get(0), "Town/postcode: " + address.get(1),
                "Telephone: " + Names.phone(pick), "E-mail: " + Names.email(applicant, "mail.example")));
        if (layout == 1) {
            int half = (details.size() + 1) / 2;
            blocks.add(new Block.Columns(details.subList(0, half), details.subList(half, details.size())));
        } else {
            details.forEach(line -> blocks.add(new Block.Line(line)));
        }
        blocks.add(new Block.Heading(pick.oneOf("Section 2: Questions", "Further information", "Please tick")));
        for (String question : pick.some(QUESTIONS, shape.onePage() ? 3 : pick.between(2, 5))) {
            boolean yes = pick.chance(0.5);
            blocks.add(new Block.Line(question + "   [" + (yes ? "X" : " ") + "] Yes   [" + (yes ? " " : "X") + "] No"));
        }
        if (layout == 2) {
            blocks.add(new Block.Heading("Details of request"));
            blocks.add(new Block.Paragraph(pick.oneOf("I would like to apply for the service described above for the coming year.",
                    "Please update my records with the details given in this form.",
                    "I request the equipment listed for the period stated and will return it in good condition.")));
        }
        blocks.add(new Block.Heading(pick.oneOf("Declaration", "Section 3: Declaration")));
        blocks.add(new Block.Paragraph("I confirm that the information given on this form is correct and complete to the best of my knowledge."));
        if (signed) {
            blocks.add(new Block.Line("Signature:  " + applicant, Block.Style.ITALIC));
        } else {
            blocks.add(new Block.Line("Signature: ______________________________"));
        }
        blocks.add(new Block.Line("Date: " + (dated ? dates.format(date) : "____ / ____ / ________")));
        blocks.add(new Block.Gap());
        blocks.add(new Block.Line("For office use only: received ______  checked ______", Block.Style.ITALIC));

        ObjectNode fields = NODES.objectNode();
        fields.put("formTitle", title);
        fields.put("applicantName", applicant);
        if (dated) {
            fields.put("formDate", date.toString());
        }
        fields.put("signed", signed);
        return new Draft(ClassDocuments.page(pick, 10, 11.5f), blocks, fields);
    }
}
