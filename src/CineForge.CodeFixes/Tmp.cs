class Y{}
