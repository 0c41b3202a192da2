package dev.egregora.etl.privacy;

import java.util.UUID;

/**
 * Deterministic pseudonyms: an adjective and an animal chosen from the author id's bits (64 x 64 = 4096 names).
 * The same id always gets the same pseudonym, in every chat and every run. Thread-safe.
 */
public final class Pseudonyms {
    private static final String[] ADJECTIVES = {
            "Amber", "Bold", "Brave", "Bright", "Calm", "Clever", "Cosmic", "Crimson", "Curious", "Dapper", "Daring",
            "Eager", "Electric", "Emerald", "Fearless", "Fuzzy", "Gentle", "Gilded", "Glad", "Golden", "Grand",
            "Happy", "Hidden", "Humble", "Indigo", "Jolly", "Keen", "Kind", "Lively", "Lucky", "Lunar", "Mellow",
            "Merry", "Mighty", "Misty", "Nimble", "Noble", "Ochre", "Patient", "Plucky", "Polite", "Quick", "Quiet",
            "Radiant", "Rapid", "Rustic", "Scarlet", "Serene", "Silver", "Sleepy", "Snowy", "Solar", "Steady",
            "Stormy", "Sunny", "Swift", "Teal", "Tidy", "Topaz", "Velvet", "Vivid", "Wandering", "Witty", "Zesty"};
    private static final String[] ANIMALS = {
            "Albatross", "Alpaca", "Badger", "Beaver", "Bison", "Capybara", "Caracal", "Cheetah", "Condor", "Coyote",
            "Crane", "Dolphin", "Dormouse", "Eagle", "Ermine", "Falcon", "Ferret", "Finch", "Fox", "Gazelle", "Gecko",
            "Gibbon", "Heron", "Hedgehog", "Ibis", "Jackal", "Jaguar", "Kestrel", "Kiwi", "Koala", "Lemur", "Lynx",
            "Macaw", "Manatee", "Marmot", "Meerkat", "Mongoose", "Narwhal", "Ocelot", "Okapi", "Orca", "Osprey",
            "Otter", "Owl", "Panda", "Pangolin", "Pelican", "Penguin", "Puffin", "Quokka", "Raven", "Salamander",
            "Seal", "Sparrow", "Stork", "Swan", "Tapir", "Toucan", "Turtle", "Walrus", "Weasel", "Wombat", "Yak",
            "Zebra"};

    private Pseudonyms() {
    }

    /** The pseudonym of an author id (a UUID string); any other string is hashed first. */
    public static String of(String authorId) {
        long bits;
        try {
            UUID u = UUID.fromString(authorId);
            bits = u.getLeastSignificantBits() ^ u.getMostSignificantBits();
        } catch (IllegalArgumentException e) {
            bits = authorId.hashCode() * 0x9E3779B97F4A7C15L;
        }
        int a = (int) ((bits >>> 6) & 63);
        int n = (int) (bits & 63);
        return ADJECTIVES[a] + " " + ANIMALS[n];
    }
}
