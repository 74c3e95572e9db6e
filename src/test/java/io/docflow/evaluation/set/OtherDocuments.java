package io.docflow.evaluation.set;

import java.util.ArrayList;
import java.util.List;

/**
 * Documents that fit no class and must not be forced into one: event flyers, menus with prices, internal memos,
 * recipes, newsletters and plain prose. Their truth expects no fields.
 */
final class OtherDocuments implements ClassDocuments {

    private static final List<String> EVENTS = List.of("Summer Jazz Night", "Community Book Swap", "Farmers' Market",
            "Charity Fun Run", "Open Studio Weekend", "Beginners' Chess Club", "Repair Café");
    private static final List<String> DISHES = List.of("Tomato and basil soup", "Grilled halloumi salad",
            "Fish and chips", "Mushroom risotto", "Beef burger with fries", "Vegetable curry", "Apple crumble",
            "Chocolate brownie", "Lemon tart", "Garlic bread");
    private static final List<String> PROSE = List.of(
            "The harbour was quiet in the early morning, and only the gulls moved along the wall where the fishing boats were tied.",
            "She had kept the letters in a biscuit tin for thirty years, and she read them again each winter when the evenings grew long.",
            "Walking through the old town, you notice first the smell of bread and then the sound of a radio playing somewhere above the street.",
            "By noon the rain had stopped, and the children ran out to find the puddles before the sun could take them away.",
            "The library closed its doors at six, but the caretaker always left one lamp burning in the reading room.",
            "Nobody remembered who had planted the pear tree, but everyone in the lane took a share of the fruit each September.");

    @Override
    public String documentClass() {
        return "other";
    }

    @Override
    public Draft draft(Pick pick, Shape shape) {
        int kind = pick.between(0, 5);
        List<Block> blocks = new ArrayList<>();
        switch (kind) {
            case 0 -> {
                String event = pick.one(EVENTS);
                blocks.add(new Block.Title(event.toUpperCase(java.util.Locale.ROOT)));
                blocks.add(new Block.Line(pick.oneOf("Saturday ", "Sunday ", "Friday ") + pick.between(1, 28) + " "
                        + pick.oneOf("May", "June", "July", "September") + ", from " + pick.between(10, 19) + ":00", Block.Style.BOLD));
                blocks.add(new Block.Line("at the " + Names.brand(pick) + " Community Hall"));
                blocks.add(new Block.Gap());
                blocks.add(new Block.Paragraph("Everyone is welcome! Bring your friends and family for an afternoon of music, food and good company. "
                        + "Tickets " + pick.oneOf("£5", "€8", "$10") + " on the door, children free."));
                blocks.add(new Block.Line("More information: www." + Names.brand(pick).toLowerCase(java.util.Locale.ROOT) + "events.example"));
            }
            case 1 -> {
                blocks.add(new Block.Title("The " + Names.brand(pick) + " Kitchen"));
                blocks.add(new Block.Heading(pick.oneOf("Lunch Menu", "Today's Specials", "Evening Menu")));
                List<List<String>> rows = new ArrayList<>();
                for (String dish : pick.some(DISHES, pick.between(4, 9))) {
                    rows.add(List.of(dish, pick.money(4, 24).toPlainString()));
                }
                blocks.add(new Block.Table(List.of("Dish", "Price"), List.of(3.0, 1.0), List.of(false, true), rows));
                blocks.add(new Block.Line("Please tell your server about any allergies.", Block.Style.ITALIC));
            }
            case 2 -> {
                blocks.add(new Block.Title("MEMO"));
                blocks.add(new Block.Line("To: All staff"));
                blocks.add(new Block.Line("From: " + pick.oneOf("Facilities", "IT Service Desk", "Office Manager")));
                blocks.add(new Block.Line("About: " + pick.oneOf("Fire drill next week", "Kitchen cleaning rota",
                        "Planned network outage", "Car park resurfacing")));
                blocks.add(new Block.Gap());
                blocks.add(new Block.Paragraph("Please note the arrangements below and plan your work accordingly. "
                        + "Access to the building will be limited for a few hours, and signs will show the alternative routes."));
                blocks.add(new Block.Paragraph("Thanks for your cooperation."));
            }
            case 3 -> {
                blocks.add(new Block.Title(pick.oneOf("Grandma's Lemon Cake", "Simple Tomato Sauce", "Overnight Oats")));
                blocks.add(new Block.Heading("Ingredients"));
                for (String item : pick.some(List.of("200 g flour", "2 eggs", "150 g sugar", "1 lemon", "400 g tomatoes",
                        "1 onion", "2 cloves garlic", "100 ml milk", "50 g oats", "1 tbsp olive oil"), 5)) {
                    blocks.add(new Block.Line("- " + item));
                }
                blocks.add(new Block.Heading("Method"));
                blocks.add(new Block.Paragraph("Mix the dry ingredients, then add the wet ones and stir until smooth. "
                        + "Cook gently, taste, and adjust the seasoning before serving."));
            }
            case 4 -> {
                blocks.add(new Block.Title(Names.brand(pick) + " Residents' Newsletter"));
                blocks.add(new Block.Line(pick.oneOf("Spring", "Summer", "Autumn", "Winter") + " edition", Block.Style.ITALIC));
                for (int i = 0; i < (shape.onePage() ? 2 : pick.between(2, 4)); i++) {
                    blocks.add(new Block.Heading(pick.oneOf("News from the garden", "New bins", "Meet your neighbours",
                            "Road works", "Lost and found")));
                    blocks.add(new Block.Paragraph(pick.one(PROSE) + " " + pick.one(PROSE)));
                }
            }
            default -> {
                int paragraphs = shape.onePage() ? 3 : pick.between(3, 12);
                for (int i = 0; i < paragraphs; i++) {
                    StringBuilder text = new StringBuilder();
                    for (String sentence : pick.some(PROSE, pick.between(2, 4))) {
                        text.append(text.length() == 0 ? "" : " ").append(sentence);
                    }
                    blocks.add(new Block.Paragraph(text.toString()));
                }
            }
        }
        return new Draft(ClassDocuments.page(pick, 10, 13), blocks, NODES.objectNode());
    }
}
