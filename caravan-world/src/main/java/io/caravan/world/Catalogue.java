package io.caravan.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Product categories with real HS 2022 subheadings, price ranges, the disclosure claims a compliant listing
 * makes, and the words and sentences listing texts are drawn from.
 */
final class Catalogue {

    record Product(String name, String hs, double minPrice, double maxPrice) {
    }

    record Category(String name, List<Product> products, List<String> claims, List<String> adjectives,
                    List<String> sentences) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("toys", List.of(
                    new Product("building blocks set", "950300", 8, 45),
                    new Product("plush bear", "950300", 5, 25),
                    new Product("remote control car", "950300", 15, 80),
                    new Product("wooden puzzle", "950300", 4, 20)),
                    List.of("age:3+", "material:ABS plastic"),
                    List.of("colourful", "educational", "classic", "deluxe", "creative", "mini"),
                    List.of("Encourages creative play and fine motor skills.", "Rounded edges and non-toxic paint.",
                            "Comes in a reusable storage box.", "Compatible with major brick systems.",
                            "Soft filling that keeps its shape after washing.", "Batteries for the controller are included.",
                            "Pieces are sized for small hands.", "A gift box makes it ready to give.",
                            "Tested for colour fastness and seam strength.", "Rechargeable pack lasts about forty minutes.",
                            "Instructions show three models to build.", "Made of beech wood from managed forests.")),
            new Category("electronics", List.of(
                    new Product("wireless earbuds", "851830", 12, 60),
                    new Product("USB-C fast charger", "850440", 6, 30),
                    new Product("power bank 20000 mAh", "850760", 15, 45),
                    new Product("smart watch", "851762", 20, 120),
                    new Product("LED desk lamp", "940520", 10, 40)),
                    List.of("power:5V 3A", "certified:CE"),
                    List.of("portable", "fast-charging", "ultra-slim", "bluetooth", "smart", "compact"),
                    List.of("Charges two devices at the same time.", "Bluetooth 5.3 keeps a stable link up to ten metres.",
                            "Overheat and short-circuit protection built in.", "Touch controls for music and calls.",
                            "Three brightness levels and a warm light mode.", "Aluminium shell dissipates heat.",
                            "Tracks steps, sleep and heart rate.", "Includes a braided cable one metre long.",
                            "Noise cancelling microphones for clear calls.", "Works with phones, tablets and laptops.",
                            "Display stays readable in sunlight.", "Water resistant to splashes and sweat.")),
            new Category("apparel", List.of(
                    new Product("cotton t-shirt", "610910", 4, 18),
                    new Product("knitted sweater", "611020", 12, 45),
                    new Product("women's trousers", "620462", 10, 40),
                    new Product("running shoes", "640411", 18, 70)),
                    List.of("material:100% cotton", "size:EU"),
                    List.of("relaxed-fit", "breathable", "classic", "slim", "organic", "lightweight"),
                    List.of("Pre-shrunk fabric keeps its size after washing.", "Reinforced seams at the shoulders.",
                            "Ribbed cuffs and a soft collar.", "Machine washable at thirty degrees.",
                            "Cushioned sole for long runs.", "Mesh upper lets the foot breathe.",
                            "Available in five colours.", "Elastic waistband with a drawstring.",
                            "Cut for an easy fit through the hips.", "Dyed with low-impact reactive dyes.",
                            "Brushed inside for extra warmth.", "Reflective details for evening runs.")),
            new Category("cosmetics", List.of(
                    new Product("moisturising face cream", "330499", 6, 35),
                    new Product("matte lipstick", "330410", 4, 20),
                    new Product("herbal shampoo", "330510", 4, 18)),
                    List.of("ingredients:aqua, glycerin, shea butter", "volume:50ml"),
                    List.of("hydrating", "long-lasting", "gentle", "herbal", "vegan", "nourishing"),
                    List.of("Absorbs quickly without a greasy film.", "Enriched with shea butter and vitamin E.",
                            "Dermatologically tested on sensitive skin.", "Stays in place for up to eight hours.",
                            "Free from parabens and silicones.", "Light floral fragrance.",
                            "Suitable for daily use on all hair types.", "Recyclable glass jar with an aluminium lid.",
                            "Gives a velvety finish in one stroke.", "Not tested on animals.")),
            new Category("home", List.of(
                    new Product("stainless steel cookware set", "732393", 25, 90),
                    new Product("cotton bath towel", "630260", 5, 22),
                    new Product("solid wood side table", "940360", 30, 120),
                    new Product("ceramic vase", "691390", 8, 35)),
                    List.of(),
                    List.of("modern", "rustic", "minimalist", "premium", "handmade", "elegant"),
                    List.of("Induction-ready base heats evenly.", "Oven safe up to two hundred degrees.",
                            "Highly absorbent loops dry quickly.", "Oiled oak finish highlights the grain.",
                            "Glazed by hand so each piece is unique.", "Arrives flat-packed with tools included.",
                            "Riveted handles stay cool on the hob.", "Fits narrow spaces beside a sofa or bed.",
                            "Dishwasher safe.", "Heavy 600 gsm weave.")),
            new Category("sports", List.of(
                    new Product("adjustable dumbbell", "950691", 20, 90),
                    new Product("yoga mat", "950691", 8, 30),
                    new Product("football", "950662", 6, 30)),
                    List.of(),
                    List.of("non-slip", "professional", "durable", "eco", "training", "all-weather"),
                    List.of("Quick-lock dial changes the weight in seconds.", "Textured surface grips in hot yoga.",
                            "Thermo-bonded panels keep the ball round.", "Carry strap included.",
                            "Six millimetres of cushioning protects the knees.", "Suitable for grass and artificial turf.",
                            "Compact stand saves floor space.", "Free from latex and PVC.")),
            new Category("supplements", List.of(
                    new Product("vitamin D3 capsules", "210690", 5, 25),
                    new Product("whey protein powder", "210610", 15, 60)),
                    List.of("ingredients:cholecalciferol, olive oil", "dosage:1 capsule daily"),
                    List.of("high-strength", "daily", "natural", "sugar-free"),
                    List.of("One capsule a day with a meal.", "Made in a GMP certified facility.",
                            "Mixes smoothly in water or milk.", "Twenty-four grams of protein per serving.",
                            "Suitable for vegetarians.", "Batch tested for purity.")));

    /** Goods that are prohibited in parcel channels, planted in a few orders. */
    static final List<Product> PROHIBITED = List.of(
            new Product("consumer fireworks assortment", "360410", 15, 60),
            new Product("shotgun cartridges", "930621", 20, 80),
            new Product("carved ivory figurine", "050710", 80, 400));


    static Category category(String name) {
        for (Category c : CATEGORIES) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static final List<String> COLOURS = List.of("black", "white", "navy", "sage green", "coral", "sand",
            "graphite", "sky blue", "burgundy", "ivory", "mustard", "teal");
    private static final List<String> CITIES = List.of("Shenzhen", "Ho Chi Minh City", "Istanbul", "Monterrey", "Mumbai",
            "Busan", "Gdansk", "Bangkok", "Penang", "Dhaka", "Lahore", "Milan", "Hamburg", "Los Angeles");
    private static final List<String> AUDIENCES = List.of("students", "busy parents", "small offices", "weekend travellers",
            "first apartments", "gift shoppers", "outdoor lovers", "home cooks", "gamers", "new runners");

    /**
     * A listing text: a title, and a description of an opening line, two or three sentences drawn from the
     * category's pool, and two sentences of the seller's own details (colours, shipping city, audience,
     * warranty), so that unrelated listings share little text.
     */
    static String[] listingText(SplittableRandom r, Category c, Product p, String brand) {
        String adjective = c.adjectives().get(r.nextInt(c.adjectives().size()));
        String model = Character.toString((char) ('A' + r.nextInt(26))) + (100 + r.nextInt(900));
        String title = brand + " " + adjective + " " + p.name() + " " + model;
        List<String> pool = new ArrayList<>(c.sentences());
        int n = Math.min(pool.size(), 2 + r.nextInt(2));
        StringBuilder d = new StringBuilder();
        d.append("The ").append(brand).append(' ').append(p.name()).append(' ').append(model).append(" is ")
                .append(adjective).append(" and made for ").append(AUDIENCES.get(r.nextInt(AUDIENCES.size()))).append('.');
        for (int i = 0; i < n; i++) {
            d.append(' ').append(pool.remove(r.nextInt(pool.size())));
        }
        d.append(" Choose ").append(COLOURS.get(r.nextInt(COLOURS.size()))).append(" or ")
                .append(COLOURS.get(r.nextInt(COLOURS.size()))).append(", shipped from ")
                .append(CITIES.get(r.nextInt(CITIES.size()))).append(" within ").append(1 + r.nextInt(5)).append(" days.");
        d.append(" Backed by ").append(brand).append("'s ").append(6 + 6 * r.nextInt(4)).append("-month warranty and ")
                .append(7 + r.nextInt(24)).append("-day returns.");
        return new String[] {title, d.toString()};
    }
}
