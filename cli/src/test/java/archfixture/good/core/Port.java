package archfixture.good.core;

public interface Port {
    String run();
}
