package io.docflow.evaluation.set;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CVs: a classic one-column CV, one with contact details and skills in a column beside the profile, and a
 * "Curriculum Vitae" with skills as bullets; years of experience where the profile states them.
 */
final class ResumeDocuments implements ClassDocuments {

    private static final List<String> SKILLS = List.of("Java", "Python", "SQL", "Kubernetes", "Project management",
            "Financial modelling", "Adobe Photoshop", "Customer service", "German", "Spanish", "Data analysis",
            "Public speaking", "AutoCAD", "Excel", "Negotiation", "Agile methods", "Technical writing", "Welding",
            "First aid", "Machine learning", "Salesforce", "Bookkeeping");
    private static final List<String> ROLES = List.of("Software Engineer", "Project Manager", "Accountant",
            "Marketing Coordinator", "Mechanical Engineer", "Data Analyst", "Office Administrator", "Nurse",
            "Graphic Designer", "Sales Manager");
    private static final List<String> DEGREES = List.of("BSc Computer Science", "MSc Data Science", "BA Economics",
            "MA English Literature", "BEng Mechanical Engineering", "MBA", "BSc Nursing", "Diploma in Graphic Design",
            "BA Business Administration", "PhD Physics");
    private static final List<String> SCHOOLS = List.of("University of Edinburgh", "Trinity College Dublin",
            "TU München", "University of Toronto", "Sorbonne Université", "University of Leeds", "Boston University",
            "Universiteit van Amsterdam");

    @Override
    public String documentClass() {
        return "resume";
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        int layout = pick.between(0, 2);
        String name = Names.person(pick);
        String email = Names.email(name, pick.oneOf("mail.example", "post.example", "inbox.example"));
        String phone = Names.phone(pick);
        String role = pick.one(ROLES);
        List<String> skills = pick.some(SKILLS, pick.between(3, shape.onePage() ? 6 : 10));
        int years = pick.between(1, 25);
        boolean yearsStated = pick.chance(0.6);
        int graduated = 2024 - years - pick.between(0, 3);
        List<String> education = new ArrayList<>();
        int degrees = pick.between(1, shape.onePage() ? 2 : 3);
        for (int i = 0; i < degrees; i++) {
            education.add(pick.one(DEGREES) + ", " + pick.one(SCHOOLS) + ", " + (graduated - 3 * i));
        }
        String profile = (yearsStated ? role + " with " + years + " years of experience" : "Experienced " + role.toLowerCase(java.util.Locale.ROOT))
                + ", " + pick.oneOf("known for careful planning and clear communication.",
                "looking for a new challenge in a growing team.", "with a record of delivering projects on time and on budget.");
        int jobs = shape.onePage() ? 2 : pick.between(2, 6);

        List<Block> blocks = new ArrayList<>();
        if (layout == 2) {
            blocks.add(new Block.Title("Curriculum Vitae"));
            blocks.add(new Block.Line(name, Block.Style.BOLD));
        } else {
            blocks.add(new Block.Title(name));
        }
        List<String> contact = List.of("Email: " + email, "Phone: " + phone);
        if (layout == 1) {
            List<String> left = new ArrayList<>(contact);
            left.add("Skills:");
            skills.forEach(skill -> left.add("- " + skill));
            blocks.add(new Block.Columns(left, List.of("Profile", profile)));
        } else {
            contact.forEach(line -> blocks.add(new Block.Line(line)));
            blocks.add(new Block.Heading(pick.oneOf("Profile", "Summary", "About me")));
            blocks.add(new Block.Paragraph(profile));
        }
        blocks.add(new Block.Heading(pick.oneOf("Experience", "Employment History", "Work experience")));
        int year = 2024;
        for (int i = 0; i < jobs; i++) {
            int from = year - pick.between(1, 5);
            blocks.add(new Block.Line(role + ", " + Names.company(pick) + " (" + from + " - " + (i == 0 ? "present" : String.valueOf(year)) + ")", Block.Style.BOLD));
            blocks.add(new Block.Paragraph(pick.oneOf("Led a team of five and introduced a new reporting process.",
                    "Handled day-to-day operations and supported senior staff with planning.",
                    "Delivered three major projects and trained new colleagues.",
                    "Improved customer response times by a third through better scheduling.")));
            year = from;
        }
        blocks.add(new Block.Heading("Education"));
        education.forEach(line -> blocks.add(new Block.Line(line)));
        if (layout != 1) {
            blocks.add(new Block.Heading("Skills"));
            if (layout == 2) {
                skills.forEach(skill -> blocks.add(new Block.Line("• " + skill)));
            } else {
                blocks.add(new Block.Line(String.join(", ", skills)));
            }
        }
        blocks.add(new Block.Gap());
        blocks.add(new Block.Line("References available on request.", Block.Style.ITALIC));

        ObjectNode fields = NODES.objectNode();
        fields.put("candidateName", name);
        fields.put("email", email);
        fields.put("phone", phone);
        skills.forEach(fields.putArray("skills")::add);
        if (yearsStated) {
            fields.put("yearsOfExperience", years);
        }
        education.forEach(fields.putArray("education")::add);
        return new Draft(ClassDocuments.page(pick, 10, 11), blocks, fields);
    }
}
