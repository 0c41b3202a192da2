package archfixture.bad.core;

/** Violates: core depends on a sibling. */
public class CoreThing {
    public Object sibling() {
        return new archfixture.bad.etl.EtlThing();
    }
}
