package dev.egregora.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The effective settings of a site: {@code SITE/.egregora/config.toml} over these defaults, then CLI flags over the
 * file. Every key is documented in the file {@code egregora init} writes ({@code config-template.toml}).
 */
public record EgregoraConfig(Site site, Ingest ingest, Windowing windowing, Writer writer, Privacy privacy,
                             Memory memory, Enrich enrich) {

    public static EgregoraConfig defaults() {
        return new EgregoraConfig(Site.defaults(), Ingest.defaults(), Windowing.defaults(), Writer.defaults(),
                Privacy.defaults(), Memory.defaults(), Enrich.defaults());
    }

    /** The five sections every site had before {@code [memory]} and {@code [enrich]}; those default. */
    public EgregoraConfig(Site site, Ingest ingest, Windowing windowing, Writer writer, Privacy privacy) {
        this(site, ingest, windowing, writer, privacy, null, null);
    }

    public EgregoraConfig {
        site = site == null ? Site.defaults() : site;
        ingest = ingest == null ? Ingest.defaults() : ingest;
        windowing = windowing == null ? Windowing.defaults() : windowing;
        writer = writer == null ? Writer.defaults() : writer;
        privacy = privacy == null ? Privacy.defaults() : privacy;
        memory = memory == null ? Memory.defaults() : memory;
        enrich = enrich == null ? Enrich.defaults() : enrich;
    }

    public EgregoraConfig withIngest(Ingest value) {
        return new EgregoraConfig(site, value, windowing, writer, privacy, memory, enrich);
    }

    public EgregoraConfig withWindowing(Windowing value) {
        return new EgregoraConfig(site, ingest, value, writer, privacy, memory, enrich);
    }

    public EgregoraConfig withWriter(Writer value) {
        return new EgregoraConfig(site, ingest, windowing, value, privacy, memory, enrich);
    }

    /**
     * {@code [site]}: how the blog presents itself. {@code page_size}: posts per listing page (home, tags, authors);
     * {@code feed_items}: newest posts in the RSS and Atom feeds.
     */
    public record Site(String title, String description, @JsonProperty("base_url") String baseUrl, String language,
                       @JsonProperty("page_size") Integer pageSize, @JsonProperty("feed_items") Integer feedItems) {
        public static Site defaults() {
            return new Site("Egregora", "Posts written from our conversations", "", "en", 10, 20);
        }

        /** The four presentation keys; page size and feed length default. */
        public Site(String title, String description, String baseUrl, String language) {
            this(title, description, baseUrl, language, null, null);
        }

        public Site {
            title = title == null ? "Egregora" : title;
            description = description == null ? "Posts written from our conversations" : description;
            baseUrl = baseUrl == null ? "" : baseUrl;
            language = language == null ? "en" : language;
            pageSize = pageSize == null ? 10 : pageSize;
            feedItems = feedItems == null ? 20 : feedItems;
        }
    }

    /** {@code [ingest]}: how exports are read. {@code timezone} empty means the system zone. */
    public record Ingest(String timezone, @JsonProperty("date_order") String dateOrder) {
        public static Ingest defaults() {
            return new Ingest("", "auto");
        }

        public Ingest {
            timezone = timezone == null ? "" : timezone;
            dateOrder = dateOrder == null ? "auto" : dateOrder;
        }
    }

    /** {@code [windowing]}: how the conversation is cut into posts. */
    public record Windowing(String unit, Long size, Double overlap,
                            @JsonProperty("max_window_hours") Long maxWindowHours,
                            @JsonProperty("gap_hours") Double gapHours) {
        public static Windowing defaults() {
            return new Windowing("days", 1L, 0.0, 0L, 6.0);
        }

        public Windowing {
            unit = unit == null ? "days" : unit;
            size = size == null ? 1L : size;
            overlap = overlap == null ? 0.0 : overlap;
            maxWindowHours = maxWindowHours == null ? 0L : maxWindowHours;
            gapHours = gapHours == null ? 6.0 : gapHours;
        }
    }

    /** {@code [writer]}: who writes the posts. API keys come from the environment variable named here. */
    public record Writer(String kind, String model, @JsonProperty("base_url") String baseUrl,
                         @JsonProperty("api_key_env") String apiKeyEnv, Integer threads) {
        public static Writer defaults() {
            return new Writer("offline", "", "", "", 0);
        }

        public Writer {
            kind = kind == null ? "offline" : kind;
            model = model == null ? "" : model;
            baseUrl = baseUrl == null ? "" : baseUrl;
            apiKeyEnv = apiKeyEnv == null ? "" : apiKeyEnv;
            threads = threads == null ? 0 : threads;
        }
    }

    /** {@code [privacy]}: what may be published. Everything defaults to the private choice. */
    public record Privacy(@JsonProperty("mask_contacts") Boolean maskContacts,
                          @JsonProperty("publish_real_names") Boolean publishRealNames) {
        public static Privacy defaults() {
            return new Privacy(true, false);
        }

        public Privacy {
            maskContacts = maskContacts == null ? Boolean.TRUE : maskContacts;
            publishRealNames = publishRealNames == null ? Boolean.FALSE : publishRealNames;
        }
    }

    /**
     * {@code [memory]}: related posts and what an LLM writer remembers. {@code related}: auto | terms | embeddings |
     * off (auto: embeddings with an LLM writer, terms otherwise); {@code count}: related posts per post;
     * {@code context}: earlier posts an LLM writer is told about per window.
     */
    public record Memory(String related, Integer count, Integer context) {
        public static Memory defaults() {
            return new Memory("auto", 5, 3);
        }

        public Memory {
            related = related == null ? "auto" : related;
            count = count == null ? 5 : count;
            context = context == null ? 3 : context;
        }
    }

    /**
     * {@code [enrich]}: with an LLM writer, descriptions of shared links and alt text of shared images. Pages are
     * fetched only with {@code allow_network}; private and loopback addresses only with {@code allow_private_networks}.
     */
    public record Enrich(Boolean links, Boolean images, @JsonProperty("allow_network") Boolean allowNetwork,
                         @JsonProperty("allow_private_networks") Boolean allowPrivateNetworks) {
        public static Enrich defaults() {
            return new Enrich(true, true, false, false);
        }

        public Enrich {
            links = links == null ? Boolean.TRUE : links;
            images = images == null ? Boolean.TRUE : images;
            allowNetwork = allowNetwork == null ? Boolean.FALSE : allowNetwork;
            allowPrivateNetworks = allowPrivateNetworks == null ? Boolean.FALSE : allowPrivateNetworks;
        }
    }
}
