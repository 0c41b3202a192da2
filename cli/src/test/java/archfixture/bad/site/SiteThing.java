package archfixture.bad.site;

public class SiteThing {
}
