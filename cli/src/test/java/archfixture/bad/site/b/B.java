package archfixture.bad.site.b;

public class B {
    public archfixture.bad.site.a.A a;
}
