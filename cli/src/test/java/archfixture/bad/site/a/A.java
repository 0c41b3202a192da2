package archfixture.bad.site.a;

/** Violates: a package cycle a -> b -> a. */
public class A {
    public archfixture.bad.site.b.B b;
}
