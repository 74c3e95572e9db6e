package io.docflow.evaluation.set;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reports of one to six pages: a title page block (author or organisation and date), an executive summary whose
 * sentences are the truth's summary, then sections of findings with a table of figures, and conclusions.
 */
final class ReportDocuments implements ClassDocuments {

    private record Subject(String title, String metric, String unit) {
    }

    private static final List<Subject> SUBJECTS = List.of(
            new Subject("Quarterly Sales Review", "sales", "thousand"),
            new Subject("Customer Satisfaction Survey", "the satisfaction score", "points"),
            new Subject("Energy Audit of the Riverside Office", "electricity use", "MWh"),
            new Subject("Website Performance Report", "monthly visits", "thousand"),
            new Subject("Annual Health and Safety Inspection", "reported incidents", "cases"),
            new Subject("Market Analysis: Electric Bicycles", "unit sales", "thousand"),
            new Subject("Staff Training Evaluation", "course completion", "percent"),
            new Subject("Fleet Maintenance Review", "vehicle downtime", "days"));
    private static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central", "Online");
    private static final List<String> FILLER = List.of(
            "The figures were collected from the regional teams and checked against the finance system before analysis.",
            "Where data was incomplete, the missing months were estimated from the same period of the previous year.",
            "Interviews with staff confirmed the trends seen in the numbers and added detail on their causes.",
            "The comparison with the previous period should be read with care, as the method of collection changed in the spring.",
            "Several smaller sites reported figures late, which delayed the consolidation by two weeks.",
            "The working group met four times to review the draft findings and agree the recommendations.",
            "Costs were measured on an accrual basis and include the share of central overheads.",
            "Feedback from customers was gathered through an online questionnaire and follow-up telephone calls.");

    @Override
    public String documentClass() {
        return "report";
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        Subject subject = pick.one(SUBJECTS);
        int year = pick.between(2023, 2025);
        String title = subject.title() + " " + pick.oneOf(String.valueOf(year), "Q" + pick.between(1, 4) + " " + year, "- " + year);
        boolean byPerson = pick.chance(0.5);
        String author = byPerson ? Names.person(pick) : Names.company(pick);
        DateStyle dates = pick.oneOf(DateStyle.DAY_MONTH_NAME, DateStyle.MONTH_NAME_DAY, DateStyle.ISO, DateStyle.DAY_SHORT_MONTH);
        LocalDate date = pick.date();
        int change = pick.between(3, 28);
        boolean up = pick.chance(0.6);
        String region = pick.one(REGIONS);
        String summary = "Over the period " + subject.metric() + (up ? " rose" : " fell") + " by " + change
                + " percent compared with the previous year, with the largest change in the " + region + " region. "
                + pick.oneOf("We recommend extending the pilot programme to all regions.",
                "We recommend a review of staffing levels before the next period.",
                "Further monitoring is needed before any change of policy.");
        int sections = shape.onePage() ? 1 : pick.between(1, 8);

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(title));
        blocks.add(new Block.Line(pick.oneOf("Prepared by: ", "Author: ", "By ") + author));
        blocks.add(new Block.Line(pick.oneOf("Date: ", "Published ", "Report date: ") + dates.format(date)));
        blocks.add(new Block.Heading(pick.oneOf("Executive Summary", "Summary", "Key findings")));
        blocks.add(new Block.Paragraph(summary));
        blocks.add(new Block.Heading("1. Introduction"));
        blocks.add(new Block.Paragraph("This report presents the " + subject.title().toLowerCase(java.util.Locale.ROOT)
                + " for " + year + ". It describes how the data was gathered, the main findings and the conclusions drawn from them."));
        blocks.add(new Block.Heading("2. Findings"));
        List<List<String>> rows = new ArrayList<>();
        for (String r : pick.some(REGIONS, shape.onePage() ? 3 : 6)) {
            int before = pick.between(40, 900);
            rows.add(List.of(r, String.valueOf(before), String.valueOf(before + pick.between(-30, 60))));
        }
        blocks.add(new Block.Table(List.of("Region", "Previous (" + subject.unit() + ")", "Current (" + subject.unit() + ")"),
                List.of(2.0, 1.5, 1.5), List.of(false, true, true), rows));
        for (int s = 0; s < sections; s++) {
            if (s > 0) {
                blocks.add(new Block.Heading("2." + s + " " + pick.oneOf("Regional detail", "Costs", "Customer feedback",
                        "Operations", "Risks", "Comparison with plan")));
            }
            int paragraphs = shape.onePage() ? 1 : pick.between(2, 5);
            for (int p = 0; p < paragraphs; p++) {
                StringBuilder text = new StringBuilder();
                for (String sentence : pick.some(FILLER, shape.onePage() ? 2 : pick.between(3, 6))) {
                    text.append(text.length() == 0 ? "" : " ").append(sentence);
                }
                blocks.add(new Block.Paragraph(text.toString()));
            }
        }
        blocks.add(new Block.Heading("3. Conclusions"));
        blocks.add(new Block.Paragraph("The results point in a clear direction, and the recommendations in the summary "
                + "follow from them. A follow-up report will track progress against these findings."));

        ObjectNode fields = NODES.objectNode();
        fields.put("title", title);
        fields.put("author", author);
        fields.put("reportDate", date.toString());
        fields.put("summary", summary);
        return new Draft(ClassDocuments.page(pick, 10, 11).numbered(), blocks, fields);
    }
}
